/** 利用者: persons with the basic four attributes, and their portal accounts and attribute links. */
package dev.mynasim.auth.person;
