package io.github.youshu.expression;

import io.github.youshu.YoushuOrders;
import io.github.youshu.order.ReturnOrder;
import io.github.youshu.order.YoushuOrder;
import io.github.youshu.order.YoushuOrderMapper;
import io.github.youshu.order.YoushuReturnOrderMapper;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;

import java.time.Clock;

/**
 * What the order sync annotations ({@code @SyncOrder}, {@code @SyncOrderStatus},
 * {@code @SyncReturnOrder}) send through: the application's {@link YoushuOrders} bean, the mapper
 * beans, and the clock of a status change without a {@code time}. All are looked up on first use,
 * so that this bean, created early with the advisors, creates no delivery early.
 *
 * <p>Internal infrastructure of the starter: register it as a bean (see {@code YoushuReportingRegistrar}).
 */
public class OrderSyncSupport {

    private final ListableBeanFactory beanFactory;
    private final OrderMappers<YoushuOrder> orderMappers;
    private final OrderMappers<ReturnOrder> returnOrderMappers;
    private volatile YoushuOrders orders;
    private volatile Clock clock;

    /**
     * @param beanFactory where the {@link YoushuOrders} bean, the mapper beans and an optional single
     *                    {@link Clock} bean (tests) are found
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public OrderSyncSupport(BeanFactory beanFactory) {
        this.beanFactory = (ListableBeanFactory) beanFactory;
        this.orderMappers = new OrderMappers<>(this.beanFactory, YoushuOrderMapper.class, YoushuOrder.class,
                (mapper, source) -> ((YoushuOrderMapper) mapper).map(source));
        this.returnOrderMappers = new OrderMappers<>(this.beanFactory, YoushuReturnOrderMapper.class, ReturnOrder.class,
                (mapper, source) -> ((YoushuReturnOrderMapper) mapper).map(source));
    }

    OrderMappers<YoushuOrder> orderMappers() {
        return orderMappers;
    }

    OrderMappers<ReturnOrder> returnOrderMappers() {
        return returnOrderMappers;
    }

    /** Whether the application context has a {@link YoushuOrders} bean to send through. */
    boolean hasOrders() {
        return beanFactory.getBeanNamesForType(YoushuOrders.class, true, false).length > 0;
    }

    /**
     * @throws NoSuchBeanDefinitionException when the context has no (single) {@link YoushuOrders} bean
     */
    YoushuOrders orders() {
        YoushuOrders found = orders;
        if (found == null) {
            found = beanFactory.getBeanProvider(YoushuOrders.class).getObject();
            orders = found;
        }
        return found;
    }

    /** The application's single {@link Clock} bean, else the system clock. */
    Clock clock() {
        Clock found = clock;
        if (found == null) {
            found = beanFactory.getBeanProvider(Clock.class).getIfUnique(Clock::systemUTC);
            clock = found;
        }
        return found;
    }
}
