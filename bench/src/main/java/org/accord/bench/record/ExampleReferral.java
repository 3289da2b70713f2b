package org.accord.bench.record;

import java.util.List;

import org.accord.bench.RepositoryFolders;
import org.accord.gateway.record.RecordSchemas;
import org.accord.gateway.record.SchemaViolation;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The repository's record schemas and its example Prevent referral, checked valid before measuring. */
@State(Scope.Benchmark)
public class ExampleReferral {

    static final String RECORD_TYPE = "prevent-referral";
    static final int VERSION = 1;

    RecordSchemas schemas;
    JsonNode referral;

    @Setup(Level.Trial)
    public void setUp() {
        schemas = RecordSchemas.fromDirectory(RepositoryFolders.schemas().resolve("records"));
        referral = JsonMapper.shared().readTree(RepositoryFolders.exampleRecord(RECORD_TYPE, VERSION).toFile());
        List<SchemaViolation> violations = schemas.validate(RECORD_TYPE, VERSION, referral);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the example referral is not valid: " + violations);
        }
    }
}
