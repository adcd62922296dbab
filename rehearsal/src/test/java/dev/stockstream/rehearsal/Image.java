package dev.stockstream.rehearsal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A stand-in of a container image: root-file-system fragments, each mounted (as the lower layers of
 * an overlay with a writable layer per container) at the image paths it lists, and the image's
 * configuration.
 *
 * @param reference  the image as the manifest names it
 * @param layers     image path to the fragment directories that make it, the lowest last
 * @param env        the image's ENV, in order
 * @param entrypoint the image's ENTRYPOINT (run when a container gives no command)
 * @param cmd        the image's CMD
 * @param passwd     the image's /etc/passwd
 * @param group      the image's /etc/group
 * @param user       the image's USER (uid), used when the pod gives none
 * @param workingDir the image's WORKDIR
 */
record Image(String reference, Map<String, List<Path>> layers, Map<String, String> env, List<String> entrypoint,
        List<String> cmd, Path passwd, Path group, long user, String workingDir) {
}
