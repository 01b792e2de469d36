package org.viche.response;

/** How a response arrived: the citizen form, or the JSON API (anonymous or a partner site). */
public enum Channel {
    WEB, API
}
