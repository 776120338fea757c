/** The citizen's own pages behind the portal: 連携中のサービス (the services a person has linked) and 連携を解除. */
package dev.mynasim.auth.citizen;
