package org.viche.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RenderedResultsPagesTest {

    @Test
    void aPageIsRenderedOncePerSnapshotAndLanguage() {
        RenderedResultsPages pages = new RenderedResultsPages();
        AtomicInteger renders = new AtomicInteger();
        assertEquals("uk-1", pages.get("s", "uk", "snapshot-1", () -> "uk-" + renders.incrementAndGet()));
        assertEquals("uk-1", pages.get("s", "uk", "snapshot-1", () -> "uk-" + renders.incrementAndGet()), "the crowd gets the page rendered for the first reader");
        assertEquals("en-2", pages.get("s", "en", "snapshot-1", () -> "en-" + renders.incrementAndGet()), "each language its own");
        assertEquals("uk-3", pages.get("s", "uk", "snapshot-2", () -> "uk-" + renders.incrementAndGet()), "a new snapshot renders anew");
        assertEquals("t-4", pages.get("t", "uk", "snapshot-2", () -> "t-" + renders.incrementAndGet()), "each survey its own");
        assertEquals(4, renders.get());
    }
}
