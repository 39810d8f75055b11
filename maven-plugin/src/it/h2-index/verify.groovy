import dev.strata.core.Strata
import dev.strata.api.ValidationException
import java.security.MessageDigest

def classes = new File(basedir, 'target/classes')
def dir = new File(classes, 'db/migration')
def index = new File(dir, 'strata-index.txt')
def log = new File(basedir, 'build.log').text

// The goal ran in process-classes, after the resources were copied, and wrote every file's SHA-256.
assert log.contains("Wrote ${index.path} (2 files)")
def sha = { f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
def lines = index.readLines().findAll { !it.startsWith('#') }
assert lines == ['V1__create_person.sql', 'V2__add_email.sql'].collect { "${sha(new File(dir, it))}  ${it}".toString() }

// The migrate execution after it found both through classpath:db/migration.
assert log =~ /Applying V1 create person \(classpath:db\/migration\/V1__create_person.sql/
assert log =~ /applied 2 migrations \(V1, V2\) in \d+ ms/

// The classpath source reads the names from the index, not from a listing: a file added to the
// classes without a new index is not seen, and an edited one is refused as stale.
new File(dir, 'V3__unindexed.sql').text = 'CREATE TABLE unindexed (id INT);\n'
new File(dir, 'V2__add_email.sql') << '-- edited after indexing\n'
def loader = new URLClassLoader([classes.toURI().toURL()] as URL[], Strata.classLoader)
def strata = Strata.configure()
    .url("jdbc:h2:file:${basedir}/target/h2/db")
    .sources('classpath:db/migration')
    .classLoader(loader)
    .load()
try {
  strata.status()
  assert false: 'an edited indexed file must be refused'
} catch (RuntimeException e) {
  assert e.message.contains('the index is stale'): e.message
  assert e.message.contains('V2__add_email.sql'): e.message
}
new File(dir, 'V2__add_email.sql').text = new File(basedir, 'src/main/resources/db/migration/V2__add_email.sql').text
def versions = strata.status().migrations().collect { it.id().version().toString() }
assert versions == ['1', '2']
return true
