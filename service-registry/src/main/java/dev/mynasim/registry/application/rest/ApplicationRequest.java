package dev.mynasim.registry.application.rest;

/** Starts an application ({@code apiUserId}), moves it ({@code step}) or declares ({@code declaration}). */
public record ApplicationRequest(String apiUserId, String step, String declaration, String note) {
}
