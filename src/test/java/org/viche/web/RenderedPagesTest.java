package org.viche.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RenderedPagesTest {

    @Test
    void aPageIsRenderedOncePerSnapshotAndLanguage() {
        RenderedPages pages = new RenderedPages();
        AtomicInteger renders = new AtomicInteger();
        assertEquals("uk-1", pages.get(RenderedPages.Kind.RESULTS, "s", "uk", "snapshot-1", () -> "uk-" + renders.incrementAndGet()));
        assertEquals("uk-1", pages.get(RenderedPages.Kind.RESULTS, "s", "uk", "snapshot-1", () -> "uk-" + renders.incrementAndGet()), "the crowd gets the page rendered for the first reader");
        assertEquals("en-2", pages.get(RenderedPages.Kind.RESULTS, "s", "en", "snapshot-1", () -> "en-" + renders.incrementAndGet()), "each language its own");
        assertEquals("uk-3", pages.get(RenderedPages.Kind.RESULTS, "s", "uk", "snapshot-2", () -> "uk-" + renders.incrementAndGet()), "a new snapshot renders anew");
        assertEquals("t-4", pages.get(RenderedPages.Kind.RESULTS, "t", "uk", "snapshot-2", () -> "t-" + renders.incrementAndGet()), "each survey its own");
        assertEquals("q-5", pages.get(RenderedPages.Kind.BLANK_FORM_QUESTIONS, "t", "uk", "snapshot-2",
                () -> "q-" + renders.incrementAndGet()), "each kind its own");
        assertEquals(5, renders.get());
    }
}
