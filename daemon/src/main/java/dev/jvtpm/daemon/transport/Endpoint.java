package dev.jvtpm.daemon.transport;

import java.nio.file.Path;

/** Where a channel (control or data) listens or is already connected. */
public sealed interface Endpoint {
    /** A TCP listener ({@code type=tcp,port=,bindaddr=,ifname=}). */
    record Tcp(String bindAddress, int port, String ifname) implements Endpoint {
        @Override
        public String describe() {
            return "tcp " + (bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress) + ":" + port;
        }
    }

    /** A Unix-domain listener at a path, chmod'ed to {@code mode} and optionally chown'ed. */
    record Unix(Path path, int mode, Integer uid, Integer gid) implements Endpoint {
        @Override
        public String describe() {
            return "unix " + path + " (mode " + String.format("0%o", mode) + ")";
        }
    }

    /** An inherited listening socket ({@code fd=}). */
    record ListeningFd(int fd) implements Endpoint {
        @Override
        public String describe() {
            return "inherited listening socket fd " + fd;
        }
    }

    /** An inherited connected socket ({@code clientfd=}, tcp {@code fd=}, {@code -f}). */
    record ConnectedFd(int fd) implements Endpoint {
        @Override
        public String describe() {
            return "inherited connected socket fd " + fd;
        }
    }

    String describe();
}
