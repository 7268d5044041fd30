// Runs only with RETORT_TEST_PG_URL; under CI=true a missing database fails the IT instead of skipping it.
if (System.getenv('RETORT_TEST_PG_URL')) return true
if (System.getenv('CI') == 'true')
    throw new IllegalStateException('RETORT_TEST_PG_URL is not set, and under CI=true the PostgreSQL IT must run, not be skipped; '
            + 'set it, e.g. RETORT_TEST_PG_URL=jdbc:postgresql://127.0.0.1:5432/test?user=postgres')
println 'RETORT_TEST_PG_URL is not set: the PostgreSQL IT is skipped'
return false
