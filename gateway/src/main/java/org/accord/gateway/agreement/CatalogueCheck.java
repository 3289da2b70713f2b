package org.accord.gateway.agreement;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command for governance leads: checks a folder of (draft) agreements against a schemas folder and prints
 * each problem as {@code file:line: message}. Exit status 0 when the catalogue is sound, 1 when it has
 * problems, 2 on wrong usage.
 *
 * <pre>java -cp accord-gateway.jar org.accord.gateway.agreement.CatalogueCheck agreements schemas</pre>
 */
public final class CatalogueCheck {

    private CatalogueCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the check; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || !Files.isDirectory(Path.of(args[0])) || !Files.isDirectory(Path.of(args[1]))) {
            err.println("usage: CatalogueCheck <agreements-dir> <schemas-dir>");
            return 2;
        }
        AgreementCatalogue.Result result;
        try {
            result = AgreementCatalogue.check(Path.of(args[0]), Path.of(args[1]));
        } catch (RuntimeException e) {
            err.println(args[1] + ":0: " + e.getMessage());
            return 1;
        }
        result.problems().forEach(out::println);
        if (!result.problems().isEmpty()) {
            err.println(result.problems().size() + " problem(s)");
            return 1;
        }
        out.println("OK: " + result.catalogueOrNull().agreements().size() + " agreement(s), "
                + result.catalogueOrNull().organisations().size() + " organisation(s)");
        return 0;
    }
}
