/** The verification skip rule (本人確認省略): the pure decision whether a card read may be skipped, and its inputs. */
package dev.mynasim.auth.skip;
