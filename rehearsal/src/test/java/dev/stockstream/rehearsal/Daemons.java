package dev.stockstream.rehearsal;

/** The rehearsal's background threads (supervisors, probers, controllers): daemons, named for thread dumps. */
final class Daemons {

    private Daemons() {
    }

    static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
