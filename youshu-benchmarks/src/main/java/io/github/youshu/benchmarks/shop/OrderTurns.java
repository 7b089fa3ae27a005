package io.github.youshu.benchmarks.shop;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** JMH state: each benchmark thread's turn through its own {@link OrderBook}, one id per call. */
@State(Scope.Thread)
public class OrderTurns {

    private final OrderBook book = new OrderBook();
    private int next;

    /** The next order id, cycling through the book. */
    public String nextId() {
        return book.idAt(next++);
    }
}
