package dev.mosaic.bench.identity;

/**
 * Pairwise figures at one threshold: the pairs Mosaic scored at least that, how many of them are one real person,
 * and how many real pairs there are.
 */
record PairCounts(double threshold, long predicted, long correct, long truePairs) {

    double precision() {
        return predicted == 0 ? 1.0 : correct / (double) predicted;
    }

    double recall() {
        return truePairs == 0 ? 1.0 : correct / (double) truePairs;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
