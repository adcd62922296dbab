package dev.stockstream.rehearsal;

import java.util.ArrayList;
import java.util.List;

/** What the rehearsal needs of this machine, checked before it makes anything, with one line saying what is missing. */
final class Preconditions {

    private Preconditions() {
    }

    static void check() {
        List<String> missing = new ArrayList<>();
        if (!"root".equals(Shell.attempt("id", "-un").output().strip())) {
            throw new IllegalStateException("the release rehearsal needs root (network and mount namespaces): run the tests as root, as .ci/run does");
        }
        for (String tool : List.of("ip", "unshare", "setpriv", "setsid", "chroot", "socat", "busybox")) {
            if (Shell.attempt("sh", "-c", "command -v " + tool).exitCode() != 0) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the release rehearsal needs " + missing
                    + " (Debian packages iproute2, util-linux, coreutils, socat, busybox; .ci/run installs them)");
        }
    }
}
