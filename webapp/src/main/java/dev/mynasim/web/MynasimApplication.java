package dev.mynasim.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The one JAX-RS application. It owns the root so the environment doors ({@code /test/…}, {@code /production/…})
 * and the admin API ({@code /admin/api/…}) keep the paths integrators expect; Faces pages live under
 * {@code /portal/*}, a longer servlet prefix that wins over this one.
 */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "mynasim", version = "0.1.0",
        description = "Myna Portal API Simulator. Layouts and paths marked simulator-defined are not taken from "
                + "the official specification, which is given only to approved applicants."))
public class MynasimApplication extends Application {
}
