package dev.stockstream.rehearsal;

import static dev.stockstream.rehearsal.Shell.quote;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The script that turns a network namespace into a container: run by {@code ip netns exec}
 * (which gives it its own mount namespace and the namespace's /etc/hosts) under
 * {@code unshare --uts}, it sets the pod's hostname, builds a root file system on a tmpfs (the
 * machine's /usr, /etc, /proc, /dev, /sys; the image's paths as overlays of its fragments with a
 * writable layer; the volumes at their mount paths), and execs the container's process in it, as
 * the pod's user, in a session of its own (its process group is the container).
 */
final class LaunchScript {

    private final StringBuilder text = new StringBuilder("set -e\n");
    private final Path layer;

    LaunchScript(String hostname, Path layer) {
        this.layer = layer;
        String root = quote(layer + "/root");
        text.append("hostname ").append(quote(hostname)).append('\n')
                .append("mount --make-rprivate /\n")
                .append("mount -t tmpfs -o mode=0755 rehearsal-layer ").append(quote(layer.toString())).append('\n')
                .append("L=").append(quote(layer.toString())).append('\n')
                .append("R=").append(root).append("\nmkdir -p \"$R\"\n")
                .append("for d in bin sbin lib lib32 lib64 libx32 usr; do\n")
                .append("  if [ -L \"/$d\" ]; then ln -s \"$(readlink \"/$d\")\" \"$R/$d\";\n")
                .append("  elif [ -d \"/$d\" ]; then mkdir \"$R/$d\"; mount --rbind \"/$d\" \"$R/$d\"; mount -o remount,bind,ro \"$R/$d\"; fi\n")
                .append("done\n")
                .append("mkdir -p \"$R/etc\" \"$R/proc\" \"$R/dev\" \"$R/sys\" \"$R/tmp\" \"$R/var/tmp\" \"$R/run\" \"$R/home\" \"$R/root\" \"$R/mnt\" \"$R/opt\"\n")
                .append("chmod 1777 \"$R/tmp\" \"$R/var/tmp\"\n")
                // The machine's /etc under a writable layer (images add to it); the namespace's hosts file on top.
                .append("mkdir -p \"$L/upper/etc\" \"$L/work/etc\"\n")
                .append("mount -t overlay rehearsal-etc -o lowerdir=/etc,upperdir=\"$L/upper/etc\",workdir=\"$L/work/etc\" \"$R/etc\"\n")
                .append("mount --bind /etc/hosts \"$R/etc/hosts\"\n")
                .append("mount --rbind /proc \"$R/proc\"; mount --rbind /dev \"$R/dev\"; mount --rbind /sys \"$R/sys\"\n");
    }

    /** The image's path {@code path} as an overlay of {@code lowers} (the first on top) with a writable layer. */
    LaunchScript overlay(String path, List<Path> lowers) {
        String upper = quote(layer + "/upper" + path);
        String work = quote(layer + "/work" + path);
        String lowerDirs = String.join(":", lowers.stream().map(Path::toString).toList());
        text.append("mkdir -p \"$R\"").append(quote(path)).append(' ').append(upper).append(' ').append(work).append('\n')
                .append("mount -t overlay rehearsal-image -o ").append(quote("lowerdir=" + lowerDirs))
                .append(",upperdir=").append(upper).append(",workdir=").append(work)
                .append(" \"$R\"").append(quote(path)).append('\n');
        return this;
    }

    /** A file or directory of the host at {@code path} in the container. */
    LaunchScript bind(Path source, String path, boolean readOnly) {
        String target = "\"$R\"" + quote(path);
        text.append("if [ -d ").append(quote(source.toString())).append(" ]; then mkdir -p ").append(target)
                .append("; else mkdir -p \"$(dirname ").append(target).append(")\"; [ -e ").append(target)
                .append(" ] || touch ").append(target).append("; fi\n")
                .append("mount --bind ").append(quote(source.toString())).append(' ').append(target).append('\n');
        if (readOnly) {
            text.append("mount -o remount,bind,ro ").append(target).append('\n');
        }
        return this;
    }

    /** The last line: exec the process as {@code uid:gid} with the supplementary {@code groups}, with exactly {@code env}. */
    String exec(long uid, long gid, List<Long> groups, String workingDir, Map<String, String> env, List<String> command) {
        StringBuilder line = new StringBuilder("exec setsid chroot \"$R\" /usr/bin/setpriv");
        if (uid != 0 || gid != 0) {
            line.append(" --reuid=").append(uid).append(" --regid=").append(gid);
            line.append(groups.isEmpty() ? " --clear-groups"
                    : " --groups=" + String.join(",", groups.stream().map(String::valueOf).toList()));
        }
        line.insert(0, "mkdir -p \"$R\"" + quote(workingDir) + "\n");
        line.append(" -- /usr/bin/env -i -C ").append(quote(workingDir));
        env.forEach((name, value) -> line.append(' ').append(quote(name + "=" + value)));
        command.forEach(word -> line.append(' ').append(quote(word)));
        return text + line.toString() + "\n";
    }
}
