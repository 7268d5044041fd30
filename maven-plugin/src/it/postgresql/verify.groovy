// Runs after the build: what build.log shows and what PostgreSQL holds; then the IT's database goes away.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Running upgrade  -> be7700000001, create orders')
assert log.contains('[INFO] Running upgrade be7700000001 -> be7700000002, index orders by time')
assert log.contains('[INFO] be7700000002 (head)')

String url = new File(basedir, 'it-database.url').text
def db = new org.postgresql.Driver().connect(url, new Properties())
try {
    def rs = db.createStatement().executeQuery('SELECT version_num FROM retort_version')
    assert rs.next() && rs.getString(1) == 'be7700000002' && !rs.next()
    rs = db.createStatement().executeQuery("SELECT indexname FROM pg_indexes WHERE tablename = 'orders' ORDER BY indexname")
    def indexes = []
    while (rs.next()) indexes << rs.getString(1)
    assert indexes.contains('ix_orders_placed_at')
} finally {
    db.close()
}
def server = new org.postgresql.Driver().connect(System.getenv('RETORT_TEST_PG_URL'), new Properties())
try {
    server.createStatement().execute('DROP DATABASE IF EXISTS retort_plugin_it WITH (FORCE)')
} finally {
    server.close()
}
true
