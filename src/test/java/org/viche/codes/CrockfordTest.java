package org.viche.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.viche.response.ReceiptCodes;

class CrockfordTest {

    @Test
    void readsWhatPeopleTypeAndRefusesForeignCharacters() {
        assertEquals("0113ABC", Crockford.normalise(" o-1l3 abc"));
        assertEquals("", Crockford.normalise(" - "));
        assertNull(Crockford.normalise("ABCU"));
        assertNull(Crockford.normalise("AB_C"));
        assertNull(Crockford.normalise(null));
    }

    @Test
    void groupsSymbols() {
        assertEquals("ABCD-EFGH-J", Crockford.group("ABCDEFGHJ", 4));
    }

    @Test
    void receiptsAreReadBackInTheFormTheyWereIssued() {
        String receipt = ReceiptCodes.next();
        assertEquals(Optional.of(receipt), ReceiptCodes.normalise(receipt.toLowerCase().replace("-", " ")));
        assertEquals(Optional.empty(), ReceiptCodes.normalise(receipt.substring(1)));
        assertEquals(Optional.empty(), ReceiptCodes.normalise("../../etc/passwd"));
    }
}
