package dev.mynasim.registry.api;

import java.util.Map;

/**
 * The demo data's console accounts and their published passwords (README): loaded in dev mode only, and a
 * production start refuses a database in which one of them still accepts its demo password.
 */
public final class DemoAccounts {

    /** User name to demo password. */
    public static final Map<String, String> PASSWORDS = Map.of("sp00000001", "demo-password-1",
            "sp00000002", "demo-password-2");

    private DemoAccounts() {
    }

    /**
     * Whether the demo data is loaded: as {@code mynasim.demo-data} says (default true), and never in production
     * mode, whose start-up refuses an explicit {@code true}.
     */
    public static boolean load(boolean demoData, String serverMode) {
        return demoData && ServerMode.parse(serverMode) != ServerMode.PRODUCTION;
    }
}
