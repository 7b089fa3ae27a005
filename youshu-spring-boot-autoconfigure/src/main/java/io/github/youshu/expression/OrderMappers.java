package io.github.youshu.expression;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The mapper beans of one mapper SPI ({@code YoushuOrderMapper<T>} or {@code YoushuReturnOrderMapper<T>}),
 * each with its source type {@code T} resolved with {@link ResolvableType} from its bean definition
 * ({@code @Bean} method return type) or else its class. Turns an annotation's value into the model:
 * the value itself when it is one, else the mapper whose {@code T} is the value's class or its
 * closest supertype. Thread-safe; the beans are looked up on first use.
 *
 * @param <M> the model type ({@code YoushuOrder} or {@code ReturnOrder})
 */
final class OrderMappers<M> {

    private final ListableBeanFactory beanFactory;
    private final Class<?> mapperType;
    private final Class<M> modelType;
    private final BiFunction<Object, Object, M> call;
    private final Map<Class<?>, Optional<Mapper>> byClass = new ConcurrentHashMap<>();
    private volatile Mappers mappers;

    /**
     * @param mapperType the mapper SPI, e.g. {@code YoushuOrderMapper.class}
     * @param modelType  what it maps to, e.g. {@code YoushuOrder.class}
     * @param call       calls a mapper bean with a source value
     */
    OrderMappers(ListableBeanFactory beanFactory, Class<?> mapperType, Class<M> modelType, BiFunction<Object, Object, M> call) {
        this.beanFactory = beanFactory;
        this.mapperType = mapperType;
        this.modelType = modelType;
        this.call = call;
    }

    Class<M> modelType() {
        return modelType;
    }

    /**
     * The model for an annotation's value.
     *
     * @return the value when it is a model, else what its mapper gives ({@code null} when the mapper gives none)
     * @throws IllegalArgumentException naming the type and the fix when no mapper (or more than one equally close) fits
     */
    M map(Object value) {
        if (modelType.isInstance(value)) {
            return modelType.cast(value);
        }
        Optional<Mapper> mapper = byClass.computeIfAbsent(value.getClass(), type -> Optional.ofNullable(find(type)));
        if (mapper.isEmpty()) {
            throw new IllegalArgumentException(noMapper(value.getClass()));
        }
        return call.apply(beanFactory.getBean(mapper.get().beanName), value);
    }

    /**
     * What is wrong with an expression that declares values of {@code declared}: no mapper fits, or
     * several fit equally; {@code null} when a value of that type can be sent.
     *
     * @param declared the expression's declared type, resolved
     * @return the problem, or {@code null}; a type whose subtypes may still be mapped gives {@code null}
     *         (see {@link #mayMapSubtypes(Class)})
     */
    String problem(Class<?> declared) {
        if (modelType.isAssignableFrom(declared)) {
            return null;
        }
        try {
            if (find(declared) != null || mayMapSubtypes(declared)) {
                return null;
            }
        }
        catch (IllegalArgumentException ambiguous) {
            return ambiguous.getMessage();
        }
        return noMapper(declared);
    }

    /** Whether values of {@code declared} may, at run time, be models or have a mapper (it is a supertype of one). */
    boolean mayMapSubtypes(Class<?> declared) {
        return declared.isAssignableFrom(modelType)
                || mappers().resolved.stream().anyMatch(mapper -> declared.isAssignableFrom(mapper.sourceType));
    }

    /** The mapper beans whose {@code T} cannot be resolved, as problems; empty when all declare it. */
    List<String> unresolvedMappers() {
        String spi = mapperType.getSimpleName();
        return mappers().unresolved.stream()
                .map(name -> "the " + spi + " bean '" + name + "' does not declare its type argument: implement "
                        + spi + "<YourType> in a class, or declare its @Bean method's return type as " + spi
                        + "<YourType> (a lambda assigned to a raw " + spi + " cannot be matched)")
                .toList();
    }

    private String noMapper(Class<?> type) {
        String spi = mapperType.getSimpleName();
        return type.getSimpleName() + " (" + type.getName() + ") is not a " + modelType.getSimpleName()
                + " and no " + spi + " bean maps it: declare a bean implementing " + spi + "<" + type.getSimpleName()
                + ">, or make the expression give a " + modelType.getName();
    }

    /** The closest mapper for the type, or {@code null}; throws when several are equally close. */
    private Mapper find(Class<?> type) {
        List<Mapper> fitting = mappers().resolved.stream().filter(mapper -> mapper.sourceType.isAssignableFrom(type)).toList();
        List<Mapper> closest = fitting.stream()
                .filter(candidate -> fitting.stream().allMatch(other -> other.sourceType.isAssignableFrom(candidate.sourceType)))
                .toList();
        if (closest.size() == 1) {
            return closest.get(0);
        }
        if (fitting.isEmpty()) {
            return null;
        }
        throw new IllegalArgumentException("several " + mapperType.getSimpleName() + " beans fit " + type.getName() + ": "
                + fitting.stream().map(mapper -> "'" + mapper.beanName + "' (" + mapper.sourceType.getSimpleName() + ")")
                        .collect(Collectors.joining(", "))
                + "; declare one for " + type.getSimpleName() + " itself");
    }

    private Mappers mappers() {
        Mappers found = mappers;
        if (found == null) {
            List<Mapper> resolved = new ArrayList<>();
            List<String> unresolved = new ArrayList<>();
            for (String name : beanFactory.getBeanNamesForType(mapperType, true, false)) {
                Class<?> source = sourceType(name);
                if (source == null) {
                    unresolved.add(name);
                }
                else {
                    resolved.add(new Mapper(name, source));
                }
            }
            found = new Mappers(List.copyOf(resolved), List.copyOf(unresolved));
            mappers = found;
        }
        return found;
    }

    /** The bean's {@code T}: from its definition's type (a {@code @Bean} method's return type), else from its class. */
    private Class<?> sourceType(String beanName) {
        if (beanFactory instanceof ConfigurableListableBeanFactory factory && factory.containsBeanDefinition(beanName)) {
            BeanDefinition definition = factory.getMergedBeanDefinition(beanName);
            Class<?> source = definition.getResolvableType().as(mapperType).getGeneric(0).resolve();
            if (source != null) {
                return source;
            }
        }
        Class<?> beanClass = beanFactory.getType(beanName);
        return beanClass == null ? null : ResolvableType.forClass(beanClass).as(mapperType).getGeneric(0).resolve();
    }

    private record Mapper(String beanName, Class<?> sourceType) {
    }

    private record Mappers(List<Mapper> resolved, List<String> unresolved) {
    }
}
