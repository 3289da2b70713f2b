package org.accord.gateway.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project's Markdown documents as the documentation tests read them: fenced blocks, links outside code, and
 * the anchors GitHub makes for headings. Tests run in {@code gateway/}, so the repository is its parent.
 */
final class Markdown {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules", "data", ".mvn");

    private static final Pattern FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})\\s*([^`\\s]*)[^`]*$");

    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[(?:[^\\]\\[]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s+.*)?$");

    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");

    private static final Pattern INLINE_CODE = Pattern.compile("`+[^`]*`+");

    private final Path file;

    private final List<String> lines;

    private Markdown(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    static Markdown read(Path file) {
        try {
            return new Markdown(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** README.md, everything under docs/, and every other Markdown file of the repository outside build output. */
    static List<Path> documents() {
        try (Stream<Path> walk = Files.walk(REPOSITORY)) {
            return walk.filter(path -> path.toString().endsWith(".md"))
                    .filter(path -> {
                        for (Path part : REPOSITORY.relativize(path)) {
                            if (SKIPPED_FOLDERS.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted()
                    .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file() {
        return file;
    }

    String name() {
        return REPOSITORY.relativize(file).toString();
    }

    int lineCount() {
        return lines.size();
    }

    /** A fenced code block: its info string's first word, its text, and the line its opening fence is on (1-based). */
    record Fence(String language, String body, int line, boolean followsDirectly) {
    }

    /** A link target outside code, and the line it is on. */
    record Link(String target, int line) {
    }

    List<Fence> fences() {
        List<Fence> fences = new ArrayList<>();
        int lastFenceEnd = -10;
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            String marker = open.group(2);
            String indent = open.group(1);
            boolean followsDirectly = blankBetween(lastFenceEnd, i);
            StringBuilder body = new StringBuilder();
            int j = i + 1;
            for (; j < lines.size(); j++) {
                String line = lines.get(j);
                if (line.strip().startsWith(marker) && line.strip().replace(marker.substring(0, 1), "").isEmpty()) {
                    break;
                }
                body.append(line.startsWith(indent) ? line.substring(indent.length()) : line.stripLeading()).append('\n');
            }
            fences.add(new Fence(open.group(3), body.toString(), i + 1, followsDirectly));
            lastFenceEnd = j;
            i = j;
        }
        return fences;
    }

    private boolean blankBetween(int closedAt, int openAt) {
        if (closedAt < 0) {
            return false;
        }
        for (int k = closedAt + 1; k < openAt; k++) {
            if (!lines.get(k).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Lines outside fenced blocks, with inline code removed, keyed by line number (1-based). */
    Map<Integer, String> prose() {
        Map<Integer, String> prose = new java.util.TreeMap<>();
        boolean inFence = false;
        String marker = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher fence = FENCE.matcher(line);
            if (!inFence && fence.matches()) {
                inFence = true;
                marker = fence.group(2);
                continue;
            }
            if (inFence) {
                if (line.strip().startsWith(marker) && line.strip().replace(marker.substring(0, 1), "").isEmpty()) {
                    inFence = false;
                }
                continue;
            }
            prose.put(i + 1, line);
        }
        return prose;
    }

    List<Link> links() {
        List<Link> links = new ArrayList<>();
        prose().forEach((number, line) -> {
            String text = INLINE_CODE.matcher(line).replaceAll("");
            Matcher inline = INLINE_LINK.matcher(text);
            while (inline.find()) {
                links.add(new Link(inline.group(1), number));
            }
            Matcher definition = REFERENCE_DEFINITION.matcher(text);
            if (definition.matches()) {
                links.add(new Link(definition.group(1), number));
            }
        });
        return links;
    }

    /** Backticked words in prose and tables, such as {@code `CmsTamperTests`}. */
    List<String> codeSpans() {
        List<String> spans = new ArrayList<>();
        prose().values().forEach(line -> {
            Matcher code = INLINE_CODE.matcher(line);
            while (code.find()) {
                spans.add(code.group().replace("`", "").strip());
            }
        });
        return spans;
    }

    /** The anchors GitHub gives this document's headings. */
    Set<String> anchors() {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        prose().values().forEach(line -> {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        });
        return anchors;
    }

    /** The heading lines, as written. */
    List<String> headings() {
        List<String> headings = new ArrayList<>();
        prose().values().forEach(line -> {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                headings.add(line.strip());
            }
        });
        return headings;
    }

    /** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("`", "").replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(java.util.Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            }
            else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }
}
