/** Service registry: API users, Web services, groups, usage applications, console accounts, the clock and the audit trail. */
package dev.mynasim.registry;
