#pragma once

#include <QtGlobal>

#include <chrono>

namespace wa {

// What one client may hold of the REST face: time, connections, bytes, guesses. The defaults
// suit `serve`; tests shorten the times so that they run in seconds.
struct HttpLimits
{
    // A request's head must be complete within this long of the connection opening, and its
    // body within this long of its head (a partial request line, a body that never comes).
    std::chrono::milliseconds requestTimeout {10000};
    // A kept-alive connection must have sent its next request head within this long of the
    // last answer, or it is closed.
    std::chrono::milliseconds idleTimeout {60000};
    // Connections open at once; past it a new one is closed at once. Lowered at listen() to
    // fit the descriptor limit.
    int maxConnections = 1000;
    // Header fields in one request; more is 431. (A head over 32 KiB is 431 too.)
    int maxHeaderFields = 100;
    // A request refused from its head whose body is at most this long has its body read and
    // thrown away as it arrives, so that a client that writes its whole body first still gets
    // the answer; a longer one is answered at once and its connection closed. A chunked body
    // cut off at 1 MiB is read on up to this long, then its connection closed.
    qint64 maxDiscardBytes = 16 * 1024 * 1024;
    // Every 401 waits this long before it is sent, without holding up other clients.
    std::chrono::milliseconds authFailureDelay {250};
    // When bound beyond loopback, each further failure from one peer doubles its wait, up to
    // this, and that peer's 401s are sent one after the other.
    std::chrono::milliseconds authFailureMaxDelay {8000};
};

} // namespace wa
