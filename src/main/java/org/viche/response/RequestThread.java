package org.viche.response;

import java.util.concurrent.Executor;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Where a request that waited for a group commit goes on: the commit completes on a committer
 * thread, which must not spend its time rendering answers while others wait for their commit;
 * the answer is made on the request's own Vert.x context (its event loop), as it began.
 */
public final class RequestThread {

    private RequestThread() {
    }

    /** The current request's context as an executor; the calling thread itself outside Vert.x (tests). */
    public static Executor current() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
    }
}
