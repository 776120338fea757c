/** Web サービス: the OAuth clients of an API user, per environment, with their APIs and the skip feature. */
package dev.mynasim.registry.service;
