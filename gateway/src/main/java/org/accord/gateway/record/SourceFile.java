package org.accord.gateway.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A governed data file (schema or agreement) read whole: its file name and its exact bytes, so that a
 * digest of the bytes identifies the version that was loaded.
 */
public record SourceFile(String name, byte[] bytes) {

    /** Files in {@code directory} (not below it) whose names match {@code glob}, sorted by name. */
    public static List<SourceFile> inDirectory(Path directory, String glob) {
        List<SourceFile> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, glob)) {
            for (Path path : stream) {
                if (Files.isRegularFile(path)) {
                    files.add(new SourceFile(path.getFileName().toString(), Files.readAllBytes(path)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + directory, e);
        }
        files.sort(Comparator.comparing(SourceFile::name));
        return List.copyOf(files);
    }

    /** Classpath resources in folder {@code root} (for example {@code accord/schemas/records}) matching {@code glob}. */
    public static List<SourceFile> onClasspath(String root, String glob) {
        List<SourceFile> files = new ArrayList<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(SourceFile.class.getClassLoader())
                    .getResources("classpath*:" + root + "/" + glob);
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    files.add(new SourceFile(resource.getFilename(), in.readAllBytes()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read classpath folder " + root, e);
        }
        files.sort(Comparator.comparing(SourceFile::name));
        return List.copyOf(files);
    }
}
