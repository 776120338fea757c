/** 利用申請: the on-boarding procedure of guideline section 4 as a state machine, and the gates it puts on use. */
package dev.mynasim.registry.application;
