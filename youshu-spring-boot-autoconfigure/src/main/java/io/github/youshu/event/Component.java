package io.github.youshu.event;

/**
 * The block of the page the action happened on ({@code props.component}); both fields optional.
 *
 * @param componentId   {@code component_id}
 * @param componentName {@code component_name}
 */
public record Component(String componentId, String componentName) {

    /**
     * This component with every absent field ({@code null} or blank) taken from {@code defaults}.
     *
     * @param defaults the fallback values; {@code null} for none
     */
    public Component withDefaults(Component defaults) {
        if (defaults == null) {
            return this;
        }
        return new Component(ModelSupport.orDefault(componentId, defaults.componentId),
                ModelSupport.orDefault(componentName, defaults.componentName));
    }
}
