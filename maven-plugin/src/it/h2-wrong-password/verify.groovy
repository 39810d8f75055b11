def log = new File(basedir, 'build.log').text
def url = "jdbc:h2:file:${basedir}/target/h2/db;USER=app;PASSWORD=***"
// Maven's failure line carries the engine's message: what failed, where, what to check.
assert log =~ /\[ERROR\] Failed to execute goal dev\.strata:strata-maven-plugin:[^:]+:migrate \(default-cli\) on project h2-wrong-password: Cannot connect to \Q${url}\E: Wrong user name or password/
assert log.contains('Check strata.url, strata.user and strata.password')
assert log.contains('BUILD FAILURE')
assert !log.contains('Wr0ng-Pa55word'): 'the password is masked everywhere'
assert !(log =~ /\tat [a-z]+\./): 'no stack trace without -e'
return true
