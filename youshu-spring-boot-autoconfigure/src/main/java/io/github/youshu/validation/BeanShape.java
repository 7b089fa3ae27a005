package io.github.youshu.validation;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The readable properties of a bean class as Jackson sees them, named in snake_case the way the
 * event serializer writes them ({@code @JsonProperty}, {@code @JsonIgnore} and records honoured),
 * and its {@code @JsonValue} accessor if it has one. Computed once per class; thread-safe.
 */
final class BeanShape {

    private static final JsonMapper NAMING = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private static final ClassValue<BeanShape> SHAPES = new ClassValue<>() {
        @Override
        protected BeanShape computeValue(Class<?> type) {
            return introspect(type);
        }
    };

    final Class<?> type;
    /** The {@code @JsonValue} accessor, or {@code null}. */
    final Method jsonValue;
    final List<BeanProperty> properties;

    private BeanShape(Class<?> type, Method jsonValue, List<BeanProperty> properties) {
        this.type = type;
        this.jsonValue = jsonValue;
        this.properties = properties;
    }

    /** The shape of the class; without properties when Jackson cannot introspect it. */
    static BeanShape of(Class<?> type) {
        return SHAPES.get(type);
    }

    private static BeanShape introspect(Class<?> type) {
        BeanDescription description;
        try {
            description = NAMING.getSerializationConfig().introspect(NAMING.constructType(type));
        }
        catch (RuntimeException ex) {
            return new BeanShape(type, null, List.of());
        }
        AnnotatedMember jsonValue = description.findJsonValueAccessor();
        Method valueMethod = jsonValue != null && jsonValue.getMember() instanceof Method method && accessible(method)
                ? method : null;
        List<BeanProperty> properties = new ArrayList<>();
        for (BeanPropertyDefinition definition : description.findProperties()) {
            AnnotatedMember accessor = definition.getAccessor();
            if (accessor != null && accessor.getMember() instanceof AccessibleObject member && accessible(member)) {
                properties.add(new BeanProperty(definition.getName(), member));
            }
        }
        return new BeanShape(type, valueMethod, List.copyOf(properties));
    }

    /** The violation message of a bean without properties. */
    String noProperties() {
        return "is a " + type.getName() + " without readable properties: give a Map, a String or a bean with getters";
    }

    private static boolean accessible(AccessibleObject member) {
        Member declared = (Member) member;
        if (Modifier.isPublic(declared.getModifiers()) && Modifier.isPublic(declared.getDeclaringClass().getModifiers())) {
            return true;
        }
        try {
            return member.trySetAccessible();
        }
        catch (SecurityException ex) {
            return false;
        }
    }

    /** One readable property of a bean: a getter (or record accessor) or a public field. */
    record BeanProperty(String name, AccessibleObject member) {

        /** @throws InvocationTargetException wrapping what the getter threw */
        Object read(Object bean) throws InvocationTargetException {
            try {
                return member instanceof Method method ? method.invoke(bean) : ((Field) member).get(bean);
            }
            catch (IllegalAccessException ex) {
                throw new InvocationTargetException(ex);
            }
        }
    }
}
