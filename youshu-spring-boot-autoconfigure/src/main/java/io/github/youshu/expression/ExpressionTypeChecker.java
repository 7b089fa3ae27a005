package io.github.youshu.expression;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.BeanReference;
import org.springframework.expression.spel.ast.CompoundExpression;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.Indexer;
import org.springframework.expression.spel.ast.InlineMap;
import org.springframework.expression.spel.ast.IntLiteral;
import org.springframework.expression.spel.ast.Literal;
import org.springframework.expression.spel.ast.MethodReference;
import org.springframework.expression.spel.ast.NullLiteral;
import org.springframework.expression.spel.ast.Projection;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.Selection;
import org.springframework.expression.spel.ast.StringLiteral;
import org.springframework.expression.spel.ast.TypeReference;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.support.ReflectivePropertyAccessor;
import org.springframework.util.ClassUtils;

import java.beans.Introspector;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Checks, before the first call, the property and method chains of an annotation expression
 * against the declared types they start from: {@code #result} (the method's return type, with
 * {@code CompletionStage} and {@code Optional} unwrapped as the interceptor does), the parameters
 * ({@code #cmd}, {@code #p0}, {@code #a0}, {@code #args[0]}, {@code #root.args[0]}), {@code #root}
 * and {@code #root.target} (the bean's class). Each step is looked up as SpEL's
 * {@link ReflectivePropertyAccessor} would at run time (getter {@code getX()}, {@code isX()},
 * accessor {@code x()}, public field; {@code length} of arrays), methods by name and number of
 * arguments; generics are followed where they resolve; indexing reads the element type of arrays,
 * collections and maps.
 *
 * <p>A step that cannot exist on a concrete declared type (a class, record or enum) is a
 * <em>problem</em>, named with the type, the missing member and the closest existing one. A step on
 * a type too open to tell ({@code Object}, an interface or abstract class without the member, a
 * {@code Map}, an unresolved generic, {@code #ex}) is a <em>warning</em>. What the checker does not
 * model (bean references, {@code T(...)}, operators' results, projections' results) is skipped. The
 * declared type of the whole expression is returned, so that the caller can check it suits the
 * attribute ({@link ReportValues#neverConverts}).
 *
 * <p>Not thread-safe: one instance per annotated method, used while its plan is built.
 */
final class ExpressionTypeChecker {

    /** The type of a value the checker does not model: nothing after it is checked, silently. */
    private static final ResolvableType UNKNOWN = ResolvableType.NONE;

    private static final ResolvableType ROOT = ResolvableType.forClass(ReportExpressionRootObject.class);

    private static final SpelProperties PROPERTIES = new SpelProperties();

    private final Method method;
    private final Class<?> targetClass;
    private final MethodVariables variables;
    /** {@code #args} / {@code #root.args}: indexing it with a number gives that parameter's type. */
    private final ResolvableType args = ResolvableType.forClass(Object[].class);
    private final ResolvableType exception = ResolvableType.forClass(Throwable.class);
    private Consumer<String> problems;
    private Consumer<String> warnings;

    /**
     * @param method      the annotated method (its parameter and return types)
     * @param targetClass the bean class the method is called on ({@code #root.target}); {@code null} for the declaring class
     * @param variables   the method's parameter variables
     */
    ExpressionTypeChecker(Method method, Class<?> targetClass, MethodVariables variables) {
        this.method = method;
        this.targetClass = targetClass != null ? targetClass : method.getDeclaringClass();
        this.variables = variables;
    }

    /**
     * @param ast      the parsed expression
     * @param problems receives each step that cannot exist (without the attribute and expression)
     * @param warnings receives each step that cannot be checked
     * @return the declared type of the expression's value, or {@link ResolvableType#NONE} when not known
     */
    ResolvableType check(SpelNode ast, Consumer<String> problems, Consumer<String> warnings) {
        this.problems = problems;
        this.warnings = warnings;
        return evaluate(ast, ROOT, ROOT);
    }

    /**
     * The declared type of the node's value, or {@link #UNKNOWN}.
     *
     * @param active    the type of the active context object (what a bare property refers to)
     * @param scopeRoot the type method arguments and indexes are evaluated against
     */
    private ResolvableType evaluate(SpelNode node, ResolvableType active, ResolvableType scopeRoot) {
        if (node instanceof CompoundExpression) {
            ResolvableType current = active;
            StringBuilder chain = new StringBuilder();
            for (int i = 0; i < node.getChildCount(); i++) {
                SpelNode step = node.getChild(i);
                current = i == 0 ? evaluate(step, current, scopeRoot) : step(step, current, chain.toString(), scopeRoot);
                if (i > 0 && !(step instanceof Indexer)) {
                    chain.append('.');
                }
                chain.append(step.toStringAST());
            }
            return current;
        }
        if (node instanceof VariableReference) {
            return variable(node.toStringAST().substring(1), active);
        }
        if (node instanceof PropertyOrFieldReference || node instanceof MethodReference || node instanceof Indexer) {
            return step(node, active, active == ROOT ? "#root" : "#this", scopeRoot);
        }
        if (node instanceof InlineMap) {
            for (int i = 0; i < node.getChildCount(); i++) {
                // Keys written as bare names ({sku_id: ...}) are names, not properties.
                if (i % 2 == 1 || !(node.getChild(i) instanceof PropertyOrFieldReference)) {
                    evaluate(node.getChild(i), active, scopeRoot);
                }
            }
            return UNKNOWN;
        }
        if (node instanceof TypeReference || node instanceof FunctionReference || node instanceof BeanReference) {
            return UNKNOWN;
        }
        if (node instanceof Literal literal && !(node instanceof NullLiteral)) {
            Object value = literal.getLiteralValue().getValue();
            return value == null ? UNKNOWN : ResolvableType.forClass(value.getClass());
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            evaluate(node.getChild(i), active, scopeRoot);
        }
        return UNKNOWN;
    }

    /** One step of a chain, applied to a value of the {@code owner} type, written {@code chain} so far. */
    private ResolvableType step(SpelNode step, ResolvableType owner, String chain, ResolvableType scopeRoot) {
        if (step instanceof PropertyOrFieldReference property) {
            return property(owner, property.getName(), chain, property.isNullSafe());
        }
        if (step instanceof MethodReference call) {
            for (int i = 0; i < call.getChildCount(); i++) {
                evaluate(call.getChild(i), scopeRoot, scopeRoot);
            }
            return method(owner, call.getName(), call.getChildCount(), chain);
        }
        if (step instanceof Indexer) {
            return index(owner, step.getChild(0), chain, scopeRoot);
        }
        if (step instanceof Projection || step instanceof Selection) {
            // The inner expression runs against each element (a map's entries); what it gives is not modelled.
            ResolvableType element = owner != UNKNOWN && Map.class.isAssignableFrom(raw(owner))
                    ? ResolvableType.forClassWithGenerics(Map.Entry.class, owner.as(Map.class).getGenerics())
                    : element(owner);
            evaluate(step.getChild(0), element, UNKNOWN);
            return UNKNOWN;
        }
        return evaluate(step, owner, scopeRoot);
    }

    private ResolvableType variable(String name, ResolvableType active) {
        switch (name) {
            case "root":
                return ROOT;
            case "this":
                return active;
            case ReportEvaluationContext.RESULT:
                return result();
            case ReportEvaluationContext.EXCEPTION:
                return exception;
            case ReportEvaluationContext.ARGS:
                return args;
            default:
                int index = variables.indexOf(name);
                return index >= 0 && index < method.getParameterCount() ? parameter(index) : UNKNOWN;
        }
    }

    private ResolvableType parameter(int index) {
        return ResolvableType.forMethodParameter(method, index, targetClass);
    }

    /** The return type as {@code #result} sees it: a {@code CompletionStage}'s value, an {@code Optional}'s content. */
    private ResolvableType result() {
        ResolvableType type = ResolvableType.forMethodReturnType(method, targetClass);
        if (CompletionStage.class.isAssignableFrom(raw(type))) {
            type = type.as(CompletionStage.class).getGeneric(0);
        }
        if (raw(type) == Optional.class) {
            type = type.getGeneric(0);
        }
        return type;
    }

    private ResolvableType property(ResolvableType owner, String name, String chain, boolean nullSafe) {
        if (owner == UNKNOWN) {
            return UNKNOWN;
        }
        if (owner == ROOT) {
            if (name.equals("target")) {
                return ResolvableType.forClass(targetClass);
            }
            if (name.equals("args")) {
                return args;
            }
        }
        Class<?> type = raw(owner);
        if (isOpen(type)) {
            warnings.accept(tooOpen(owner, chain, "'" + name + "'"));
            return UNKNOWN;
        }
        if (type.isArray() && name.equals("length")) {
            return ResolvableType.forClass(int.class);
        }
        Method getter = PROPERTIES.getter(name, type);
        if (getter != null) {
            return ResolvableType.forMethodParameter(new MethodParameter(getter, -1), owner);
        }
        Field field = PROPERTIES.field(name, type);
        if (field != null) {
            return ResolvableType.forField(field, owner);
        }
        if (type == Optional.class && nullSafe) {
            // SpEL's ?. reads through an Optional on newer Spring versions: check the content.
            return property(owner.getGeneric(0), name, chain, true);
        }
        if (Map.class.isAssignableFrom(type)) {
            warnings.accept(chain + " is a Map (" + describe(owner) + "): " + chain + "." + name
                    + " reads a getter, not an entry; SpEL reads the entry '" + name + "' as " + chain + "['" + name + "']");
            return UNKNOWN;
        }
        if (mayBeSubclassed(owner, type)) {
            warnings.accept(tooOpen(owner, chain, "'" + name + "'"));
            return UNKNOWN;
        }
        String suggestion = owner == ROOT && variables.indexOf(name) >= 0 ? "; did you mean '#" + name + "' (the parameter)?"
                : Suggestions.didYouMean(name, PROPERTIES.readableNames(type));
        problems.accept(chain + " is " + describe(owner) + ", which has no property '" + name
                + "' (no getter get/is" + capitalize(name) + "(), accessor " + name + "() or public field)" + suggestion);
        return UNKNOWN;
    }

    private ResolvableType method(ResolvableType owner, String name, int argumentCount, String chain) {
        if (owner == UNKNOWN) {
            return UNKNOWN;
        }
        Class<?> type = raw(owner);
        if (isOpen(type)) {
            warnings.accept(tooOpen(owner, chain, name + "(...)"));
            return UNKNOWN;
        }
        List<Method> named = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (Method candidate : publicMethods(type)) {
            names.add(candidate.getName());
            if (candidate.getName().equals(name)) {
                named.add(candidate);
            }
        }
        List<Method> matching = named.stream().filter(candidate -> candidate.getParameterCount() == argumentCount
                || candidate.isVarArgs() && argumentCount >= candidate.getParameterCount() - 1).toList();
        if (!matching.isEmpty()) {
            return matching.size() == 1
                    ? ResolvableType.forMethodParameter(new MethodParameter(matching.get(0), -1), owner) : UNKNOWN;
        }
        if (mayBeSubclassed(owner, type)) {
            warnings.accept(tooOpen(owner, chain, name + "(...)"));
        }
        else if (named.isEmpty()) {
            problems.accept(chain + " is " + describe(owner) + ", which has no public method '" + name + "'"
                    + Suggestions.didYouMean(name, names));
        }
        else {
            problems.accept(chain + " is " + describe(owner) + ", whose method '" + name + "' takes "
                    + named.stream().map(m -> String.valueOf(m.getParameterCount())).distinct().sorted()
                            .reduce((a, b) -> a + " or " + b).orElse("?")
                    + " argument(s), not " + argumentCount);
        }
        return UNKNOWN;
    }

    private ResolvableType index(ResolvableType owner, SpelNode index, String chain, ResolvableType scopeRoot) {
        if (!(index instanceof PropertyOrFieldReference)) {
            // A bare name in brackets is a name; anything else is evaluated against the root.
            evaluate(index, scopeRoot, scopeRoot);
        }
        if (owner == args) {
            if (index instanceof IntLiteral literal && literal.getLiteralValue().getValue() instanceof Integer position) {
                if (position >= 0 && position < method.getParameterCount()) {
                    return parameter(position);
                }
                problems.accept(chain + "[" + position + "] is out of range: the method has "
                        + method.getParameterCount() + " parameter(s)");
            }
            return UNKNOWN;
        }
        Class<?> type = raw(owner);
        if (owner == UNKNOWN || type.isArray() || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
            return owner == UNKNOWN ? UNKNOWN : element(owner);
        }
        if (type == String.class) {
            return ResolvableType.forClass(String.class);
        }
        if (index instanceof PropertyOrFieldReference name) {
            return property(owner, name.getName(), chain, false);
        }
        if (index instanceof StringLiteral literal) {
            return property(owner, String.valueOf(literal.getLiteralValue().getValue()), chain, false);
        }
        return UNKNOWN;
    }

    /** The element type of an array, a collection, or a map's values. */
    private static ResolvableType element(ResolvableType owner) {
        if (owner == UNKNOWN) {
            return UNKNOWN;
        }
        Class<?> type = raw(owner);
        if (type.isArray()) {
            return owner.getComponentType();
        }
        if (Collection.class.isAssignableFrom(type)) {
            return owner.as(Collection.class).getGeneric(0);
        }
        if (Map.class.isAssignableFrom(type)) {
            return owner.as(Map.class).getGeneric(1);
        }
        return UNKNOWN;
    }

    /** Whether nothing can be checked on the declared type: {@code Object}, including an unresolved generic. */
    private static boolean isOpen(Class<?> type) {
        return type == Object.class;
    }

    /** Whether the value may be of a subtype that has members the declared type lacks. */
    private boolean mayBeSubclassed(ResolvableType owner, Class<?> type) {
        // A Class value also exposes the static members of the class it represents.
        return owner == exception || type == Class.class || type.isInterface()
                || Modifier.isAbstract(type.getModifiers()) && !type.isArray() && !type.isPrimitive();
    }

    private String tooOpen(ResolvableType owner, String chain, String member) {
        String declared;
        if (owner == exception) {
            declared = "#ex is whatever the method throws (declared as java.lang.Throwable)";
        }
        else if (owner.resolve() == null || owner.getType() instanceof java.lang.reflect.TypeVariable<?>) {
            declared = chain + " is an unresolved generic type (" + owner.getType().getTypeName() + ")";
        }
        else {
            declared = chain + " is declared as " + describe(owner);
        }
        return member + " is not checked: " + declared + ", too open to tell whether it has " + member
                + " (declare a more specific type to have it checked)";
    }

    private static List<Method> publicMethods(Class<?> type) {
        List<Method> methods = new ArrayList<>(Arrays.asList(type.getMethods()));
        if (type.isInterface()) {
            methods.addAll(Arrays.asList(Object.class.getMethods()));
        }
        return methods;
    }

    private static Class<?> raw(ResolvableType type) {
        Class<?> resolved = type.resolve(Object.class);
        return ClassUtils.resolvePrimitiveIfNecessary(resolved);
    }

    private static String describe(ResolvableType type) {
        Class<?> resolved = type.resolve();
        if (resolved == null) {
            return type.toString();
        }
        String generics = type.hasGenerics() ? type.toString().substring(resolved.getName().length()) : "";
        return resolved.getSimpleName() + generics + " (" + resolved.getName() + ")";
    }

    private static String capitalize(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** SpEL's own property lookup, and the names it could read on a type (for suggestions). */
    private static final class SpelProperties extends ReflectivePropertyAccessor {

        SpelProperties() {
            super(false);
        }

        Method getter(String name, Class<?> type) {
            return findGetterForProperty(name, type, false);
        }

        Field field(String name, Class<?> type) {
            return findField(name, type, false);
        }

        Set<String> readableNames(Class<?> type) {
            Set<String> names = new TreeSet<>();
            for (Method candidate : type.getMethods()) {
                if (candidate.getParameterCount() != 0 || candidate.getReturnType() == void.class
                        || Modifier.isStatic(candidate.getModifiers()) || candidate.getDeclaringClass() == Object.class) {
                    continue;
                }
                String name = candidate.getName();
                if (name.startsWith("get") && name.length() > 3) {
                    names.add(Introspector.decapitalize(name.substring(3)));
                }
                else if (name.startsWith("is") && name.length() > 2 && candidate.getReturnType() == boolean.class) {
                    names.add(Introspector.decapitalize(name.substring(2)));
                }
                else {
                    names.add(name);
                }
            }
            for (Field field : type.getFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    names.add(field.getName());
                }
            }
            return names;
        }
    }
}
