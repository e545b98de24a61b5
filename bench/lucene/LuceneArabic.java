/*
 * LuceneArabic.java - Lucene's ArabicAnalyzer as a peer for bench/run.sh.
 *
 * usage: java -cp CLASSES:lucene-core.jar:lucene-analyzers-common.jar \
 *            LuceneArabic CORPUS [REPEAT]            (REPEAT default 3)
 *
 * The corpus is read whole as bytes and cut into chunks of about 1 MB after
 * a line break (as bench_khabar cuts its 1 MB chunks). A run decodes each
 * chunk from UTF-8 into a String (khabar and Snowball take the bytes, so the
 * decoding is part of the job) and passes it as the text of a field to
 * ArabicAnalyzer.tokenStream(), consuming every token through the
 * CharTermAttribute: StandardTokenizer, lower case, decimal digits, the
 * Arabic stop words, ArabicNormalizationFilter, ArabicStemFilter (a light
 * stemmer). One untimed warm-up run first (the JIT), then REPEAT timed runs;
 * the best one is printed, on one line, in bench/run.sh's format:
 *
 *   lucene-arabicanalyzer MB/s TOKENS emitted=N tokens/s=R emitted/s=R \
 *       chars=C version=V
 *
 * TOKENS counts the tokens StandardTokenizer made (the positions: emitted
 * tokens plus the stop words the StopFilter dropped, from the position
 * increments), the unit that compares with Snowball's and khabar's tokens;
 * emitted counts the tokens the analyzer gave out. chars sums the lengths
 * of the emitted terms, so the terms cannot be optimized away. 1 MB = 10^6
 * bytes of the corpus file.
 */
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

public final class LuceneArabic {
    private static final int CHUNK = 1 << 20;

    private static long positions, emitted, chars;

    private static void analyze(Analyzer a, String text) throws IOException {
        try (TokenStream ts = a.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute pos =
                ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                positions += pos.getPositionIncrement();
                emitted++;
                chars += term.length();
            }
            ts.end(); /* the stop words after the last token */
            positions += pos.getPositionIncrement();
        }
    }

    /* One pass over the chunks; returns the seconds it took. */
    private static double pass(Analyzer a, byte[] text, List<int[]> chunks)
            throws IOException {
        positions = emitted = chars = 0;
        long t0 = System.nanoTime();
        for (int[] c : chunks)
            analyze(a, new String(text, c[0], c[1] - c[0], StandardCharsets.UTF_8));
        return (System.nanoTime() - t0) / 1e9;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: LuceneArabic CORPUS [REPEAT]");
            System.exit(2);
        }
        int repeat = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        if (repeat < 1) {
            System.err.println("LuceneArabic: REPEAT must be positive");
            System.exit(2);
        }
        byte[] text = Files.readAllBytes(Paths.get(args[0]));
        List<int[]> chunks = new ArrayList<>();
        for (int pos = 0; pos < text.length; ) {
            int end = pos + CHUNK;
            if (end >= text.length) {
                end = text.length;
            } else {
                while (end < text.length && text[end - 1] != '\n')
                    end++;
            }
            chunks.add(new int[] {pos, end});
            pos = end;
        }
        double best = 0;
        try (Analyzer a = new ArabicAnalyzer()) {
            pass(a, text, chunks); /* warm-up: the JIT compiles the hot code */
            for (int r = 0; r < repeat; r++) {
                double dt = pass(a, text, chunks);
                if (best == 0 || dt < best)
                    best = dt;
            }
        }
        String version = org.apache.lucene.util.Version.LATEST.toString();
        System.out.printf("lucene-arabicanalyzer %.1f %d emitted=%d tokens/s=%.0f "
                          + "emitted/s=%.0f chars=%d version=%s%n",
                          text.length / 1e6 / best, positions, emitted,
                          positions / best, emitted / best, chars, version);
    }
}
