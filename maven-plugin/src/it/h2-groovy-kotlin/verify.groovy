// Runs after both builds: what build.log shows, and what the H2 database holds.
String log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('[INFO] Running upgrade  -> c0ffee000001, create accounts')
assert log.contains('[INFO] Running upgrade c0ffee000001 -> c0ffee000002, add balance')
assert log.contains('[INFO] c0ffee000002 (head)')
assert log.contains('[INFO] c0ffee000001 -> c0ffee000002 (head), add balance')
assert log.contains('[INFO] <base> -> c0ffee000001, create accounts')
assert log.contains('[DEBUG] Retort: retort ')           // invocation 2 really ran under -X
assert log.contains('--password ********')
assert !log.contains('s3cret-value')                     // neither the -X parameter dump nor any output holds it

// Invocation 1 ends in a failure: Maven's failure line carries Retort's paragraph, and no stack trace follows it.
String first = log.substring(0, log.lastIndexOf('[INFO] Scanning for projects...'))
assert first =~ /\[ERROR\] Failed to execute goal dev\.retort:retort-maven-plugin:[^:]+:upgrade \(to-missing\) on project h2-groovy-kotlin: No such revision or branch 'ffff99999999'/
assert !first.contains('\tat ')
assert !first.contains('error: ')

def db = new org.h2.Driver().connect("jdbc:h2:file:${basedir}/target/db/accounts", [user: 'sa', password: 's3cret-value'] as Properties)
try {
    def rs = db.createStatement().executeQuery('SELECT version_num FROM retort_version')
    assert rs.next() && rs.getString(1) == 'c0ffee000002' && !rs.next()
    def cols = db.metaData.getColumns(null, null, 'ACCOUNTS', null)
    def names = []
    while (cols.next()) names << cols.getString('COLUMN_NAME')
    assert names == ['ID', 'OWNER', 'BALANCE']
} finally {
    db.close()
}
true
