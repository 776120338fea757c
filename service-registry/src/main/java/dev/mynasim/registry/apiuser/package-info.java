/** API 利用者: the businesses that register Web services, with their corporate numbers. */
package dev.mynasim.registry.apiuser;
