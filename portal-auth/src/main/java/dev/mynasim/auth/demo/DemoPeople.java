package dev.mynasim.auth.demo;

import dev.mynasim.auth.api.PersonId;
import dev.mynasim.auth.card.Pin;
import dev.mynasim.auth.card.VirtualCard;
import dev.mynasim.auth.card.VirtualCards;
import dev.mynasim.auth.person.Gender;
import dev.mynasim.auth.person.People;
import dev.mynasim.auth.person.Person;
import dev.mynasim.registry.api.SchemaMigrated;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Nine demo persons with one card each (README has the table integrators' tests read): six usable, one not yet
 * registered with the portal, one expired, one revoked, one locked. Loaded once, when the first card is missing.
 */
@ApplicationScoped
public class DemoPeople {

    /** One demo card holder. */
    record Holder(String serial, String pin, String name, String kana, LocalDate birthdate, Gender gender,
                  String address, boolean registered, String state) {
    }

    static final List<Holder> HOLDERS = List.of(
            new Holder("100000000001", "1234", "山田 太郎", "ヤマダ タロウ", LocalDate.of(1980, 4, 1), Gender.MALE,
                    "東京都千代田区霞が関1-1-1", true, "usable"),
            new Holder("100000000002", "2345", "佐藤 花子", "サトウ ハナコ", LocalDate.of(1992, 11, 23), Gender.FEMALE,
                    "大阪府大阪市北区中之島1-3-20", true, "usable"),
            new Holder("100000000003", "3456", "鈴木 一郎", "スズキ イチロウ", LocalDate.of(1975, 7, 7), Gender.MALE,
                    "北海道札幌市中央区北1条西2丁目", true, "usable"),
            new Holder("100000000004", "4567", "髙橋 美咲", "タカハシ ミサキ", LocalDate.of(2001, 2, 14), Gender.FEMALE,
                    "福岡県福岡市中央区天神1-8-1", false, "usable"),
            new Holder("100000000005", "5678", "田中 健", "タナカ ケン", LocalDate.of(1968, 9, 30), Gender.MALE,
                    "愛知県名古屋市中区三の丸3-1-1", true, "usable"),
            new Holder("100000000006", "6789", "伊藤 さくら", "イトウ サクラ", LocalDate.of(1988, 3, 3), Gender.FEMALE,
                    "宮城県仙台市青葉区国分町3-7-1", true, "usable"),
            new Holder("100000000007", "7890", "渡辺 誠", "ワタナベ マコト", LocalDate.of(1955, 12, 12), Gender.MALE,
                    "広島県広島市中区国泰寺町1-6-34", true, "expired"),
            new Holder("100000000008", "8901", "中村 優子", "ナカムラ ユウコ", LocalDate.of(1999, 6, 15), Gender.FEMALE,
                    "京都府京都市中京区寺町通御池上る上本能寺前町488", true, "revoked"),
            new Holder("100000000009", "9012", "小林 大輔", "コバヤシ ダイスケ", LocalDate.of(1983, 8, 8), Gender.MALE,
                    "沖縄県那覇市泉崎1-2-2", true, "locked"));

    /** Fixed ids, so the data files shipped with the api-adapters module can name their person. */
    static PersonId personId(String serial) {
        return new PersonId("00000000-0000-4000-8000-" + serial);
    }

    private static final Logger LOG = Logger.getLogger(DemoPeople.class.getName());

    @Inject
    People people;

    @Inject
    VirtualCards cards;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mynasim.demo-data", defaultValue = "true")
    boolean enabled;

    /** Production mode never loads demo data (DemoAccounts.load). */
    @Inject
    @ConfigProperty(name = "mynasim.server.mode", defaultValue = "dev")
    String serverMode;

    @Transactional
    void load(@Observes @Priority(300) SchemaMigrated migrated) {
        if (!dev.mynasim.registry.api.DemoAccounts.load(enabled, serverMode) || cards.find(HOLDERS.get(0).serial()).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        for (Holder holder : HOLDERS) {
            Person person = people.add(new Person(personId(holder.serial()), holder.name(), holder.kana(), holder.birthdate(),
                    holder.gender(), holder.address(), now), holder.registered());
            boolean expired = holder.state().equals("expired");
            Instant notBefore = expired ? now.minus(Duration.ofDays(5 * 365 + 1)) : now.minus(Duration.ofDays(1));
            Instant notAfter = expired ? now.minus(Duration.ofDays(1)) : now.plus(Duration.ofDays(5 * 365));
            VirtualCard card = cards.issue(holder.serial(), person.id(), null, new Pin(holder.pin()), notBefore,
                    notAfter, "system");
            switch (holder.state()) {
                case "revoked" -> cards.revoke(card.serial(), "system");
                case "locked" -> cards.lock(card.serial(), "system");
                default -> { }
            }
        }
        LOG.info("Loaded " + HOLDERS.size() + " demo persons with virtual cards");
    }
}
