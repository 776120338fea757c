/** Console accounts: the operator and the accounts of API users, with PBKDF2 password hashes. */
package dev.mynasim.registry.account;
