package dev.retort.dsl.op;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Undoing a block of operations: each one's inverse, last first; empty when any one has none. */
final class Inverses {
    private Inverses() {}

    static Optional<List<Operation>> of(List<Operation> operations) {
        List<Operation> reversed = new ArrayList<>(operations.size());
        for (int i = operations.size() - 1; i >= 0; i--) {
            Optional<Operation> inverse = operations.get(i).inverse();
            if (inverse.isEmpty()) return Optional.empty();
            reversed.add(inverse.get());
        }
        return Optional.of(reversed);
    }
}
