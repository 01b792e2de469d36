package org.viche.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The README is run by pasting it: every {@code ```sh} block must be valid shell, one command
 * per line (a line that ends in a backslash breaks the moment someone edits the line after it),
 * and every curl call must go to {@code $BASE}, so that one variable moves the whole tour.
 */
class ReadmeShellBlocksTest {

    /** An opening fence, possibly indented inside a list item, up to its closing fence. */
    private static final Pattern SH_BLOCK = Pattern.compile("(?m)^( *)```sh\\n(.*?)^\\1```\\s*$", Pattern.DOTALL);

    record Block(int line, String text) {
    }

    @Test
    void everyShellBlockIsValidBash() throws Exception {
        assumeTrue(bashAvailable(), "bash is not installed here; the README's shell blocks were not checked");
        List<String> problems = new ArrayList<>();
        for (Block block : blocks()) {
            String error = bashSyntaxError(block.text());
            if (!error.isEmpty()) {
                problems.add("README.md line " + block.line() + ": " + error);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void oneCommandPerLineAndEveryCallGoesToBase() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Block block : blocks()) {
            String[] lines = block.text().split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.endsWith("\\")) {
                    problems.add("line " + (block.line() + i) + " continues on the next line: " + line);
                }
                if (line.contains("curl ") && !line.startsWith("#") && !line.contains("$BASE")) {
                    problems.add("line " + (block.line() + i) + " calls curl without $BASE: " + line);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theReadmeHasShellBlocksToCheck() throws IOException {
        // Guards the extraction itself: a changed fence style must not make the checks above vacuous.
        assertTrue(blocks().size() >= 8, "found only " + blocks().size() + " sh blocks");
    }

    static List<Block> blocks() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        Matcher m = SH_BLOCK.matcher(readme);
        while (m.find()) {
            int line = (int) readme.substring(0, m.start(2)).chars().filter(c -> c == '\n').count() + 1;
            String indent = m.group(1);
            StringBuilder text = new StringBuilder();
            for (String l : m.group(2).split("\n", -1)) {
                text.append(l.startsWith(indent) ? l.substring(indent.length()) : l).append('\n');
            }
            blocks.add(new Block(line, text.toString()));
        }
        return blocks;
    }

    private static String bashSyntaxError(String script) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
        try (OutputStream in = bash.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "bash -n did not finish");
        return bash.exitValue() == 0 ? "" : output.isEmpty() ? "bash -n exit " + bash.exitValue() : output;
    }

    private static boolean bashAvailable() {
        try {
            return new ProcessBuilder("bash", "-c", "true").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
