package it.vademecum.dialog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every line of the agents' notes (the seed) is reachable in dialogs/: each fact below is read by
 * an agent in its topic's tree (triggers and signals do not count, only what the tree says).
 * Written from the seed line by line, with its typos corrected.
 */
class SeedCoverageTest {

  private static final Path DIALOGS = Path.of(System.getProperty("vademecum.dialogs", "dialogs"));

  /** topic|fact|fact|… */
  private static final List<String> FACTS = List.of(
        "saluto-ticket|la chiamo dall'Italia per conto di Aruba S.p.A.|Vedo che ha aperto una richiesta di assistenza|@saluto@|@nome@",
        "saluto-chiamata|di Aruba, le rispondo dall'Italia|Come posso aiutarla?|@saluto@|@nome@",
        "attesa|La posso mettere un attimo in attesa?|La ringrazio per l'attesa",
        "chiusura-richiesta|Come ultimo passaggio dovremmo chiudere la richiesta di assistenza|www.pec.it|Supporto|Accedi|messaggio di risoluzione|Sì, ho risolto|La richiesta è stata chiusa|è stato un piacere",
        "ricevute-pec|convenzioni|.xml|struttura|.eml|messaggio inviato|.p7s|certificati",
        "ticket-piu-richieste|spezza|una sola",
        "ticket-sollecito|centax|billing_aruba|sollecito|TL su Teams|8:30|12:45|14:30|17:30|conference|trasferisci",
        "pec-partner|mdc partner|activity|non l'ha acquistato direttamente dal portale pec.it|supportotitolari.aruba.it|archiworldpec.it|0575050013|ingpec.eu|0575050014|@indirizzo@",
        "recupero-password|webmail.pec.it|pec/recuperopwpec|transazione webmail",
        "modifica-contatti|modificacontatti.pec.it|impostazioni|email e cellulare|password dimenticata|modifica contatto|PGA|titolarità|legale rappresentante",
        "configurazione-client|guide.pec.it/posta-pec/configurare-casella-pec/configurare-casella-pec-programma-posta.aspx",
        "area-clienti|areaclienti.pec.it|pec/user/creauser|SMS|username|2FA|nuovo titolare",
        "rinnovo-casella|username|2FA|cancellata|90 giorni|annull|ordini",
        "modifica-titolare|riconoscimento|intralogin|storico accessi|username",
        "correzione-dati|RCD|account_anagrafica|residenza italiana|cambio dati|pec_change_aruba|account_anagrafica_cambio_dati|extranet|senza documentazione|legale rappresentante",
        "extranet-username|carte|accesso trust",
        "pagamento-non-registrato|15 del mese successivo|premarcato|timbro|bollettino bianco|istituti privati|CRO|72 ore lavorative|500 €|pagamenti_billing_aruba|imposta pagamento|virgola|numero d'ordine",
        "pagamento-online|pagamenti.aruba.it|visualizza transazioni|cms billing|codici di errore|PayPal|carta",
        "modifica-email-account|billing_aruba",
        "fatture|fatture.aruba.it|cassetto fiscale|visualizza fatture|15 del mese successivo|manualmente",
        "cambio-nome|cambio nome|pagamenti_billing_aruba|impostazioni",
        "disdetta-conservazione|servizio aggiuntivo|pec_change_aruba|attendere",
        "disconoscimento-pagamento|amministrazione e pagamenti|disconoscimento pagamento|pagamenti_billing_aruba",
        "diritto-di-recesso|rimborso|billing_aruba|auth alta|altro|non ci sarà più modo di recuperare i messaggi|esportarli",
        "conferma-identita|e-security|pec eu consumer|ko|in lavorazione|nuova documentazione|codice fiscale|visura camerale|verbale assembleare|30 giorni",
        "log-applicativi|2 passaggi|log applicativi|pec_request_aruba",
        "richiesta-autorita|PRO11271",
        "phishing|@staff.aruba.it|05750505|05ricontatto|phishing|pagamenti e fatture",
        "assistenza-autenticata|assistenza.aruba.it",
        "incident|incident|codice",
        "privacy|privacy, dati personali|sezione servizi|privacy_change|account_anagrafica_privacy|le ho aperto una richiesta dedicata|30 giorni|privacy@staff.aruba.it",
        "cambia-gruppo|dispatch|hosting|dominio privato|fatturazione|cloud|operatore|SPID|firma|smartcard|billing",
        "pausa|626|15 minuti",
        "fine-turno|lavorazione|feedback|attesa utente|pianificato|mancata accettazione"
  );

  @TestFactory
  Stream<DynamicTest> everySeedFactIsInItsTopicTree() {
    ObjectMapper json = new ObjectMapper();
    return FACTS.stream().map(line -> {
      String[] parts = line.split("\\|");
      return DynamicTest.dynamicTest(parts[0], () -> {
        String said = fold(String.join(" ", texts(json.readTree(DIALOGS.resolve(parts[0] + ".json").toFile()))));
        List<String> missing = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
          if (!said.contains(fold(parts[i]))) {
            missing.add(parts[i]);
          }
        }
        assertTrue(missing.isEmpty(), parts[0] + " does not say " + missing);
      });
    });
  }

  private static List<String> texts(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isTextual()) {
      out.add(n.asText());
    } else if (n.isArray()) {
      n.forEach(x -> out.addAll(texts(x)));
    } else if (n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        if (!e.getKey().equals("triggers") && !e.getKey().equals("signals")) {
          out.addAll(texts(e.getValue()));
        }
      }
    }
    return out;
  }

  private static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
  }
}
