package it.vademecum.match;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small, hand-written topic set and lexicon for unit tests (independent of the real dialogs). */
final class Fixture {

  private Fixture() {}

  static Lexicon lexicon() {
    return Lexicon.of(
        Map.ofEntries(
            Map.entry("pw", "password"), Map.entry("psw", "password"), Map.entry("cli", "cliente"),
            Map.entry("nn", "non"), Map.entry("tkt", "ticket"), Map.entry("cell", "cellulare"),
            Map.entry("leg rapp", "legale rappresentante"), Map.entry("leg.rapp.", "legale rappresentante"),
            Map.entry("n.", "numero"), Map.entry("626", "pausa 626"), Map.entry("x", "per"),
            Map.entry("tl", "team leader"), Map.entry("bonif", "bonifico"), Map.entry("+", "più")),
        List.of(List.of("scadenza", "scaduta", "rinnovare"), List.of("bollettino", "postale")),
        Set.of("ciao", "grazie", "allora", "va"),
        Set.of("hosting", "dominio", "spid", "dns", "wordpress", "smartcard"));
  }

  static List<TopicText> topics() {
    return List.of(
        new TopicText("recupero-password", "Recupero della password della PEC",
            List.of("password dimenticata", "il cliente non ricorda la password", "non riesce ad accedere alla webmail",
                "reset password pec"),
            List.of("webmail.pec.it"),
            List.of("Recupera la password da webmail, transazione webmail.")),
        new TopicText("modifica-contatti", "Modifica del cellulare o dell'email di recupero",
            List.of("cambiare il cellulare di recupero", "modificare l'email di recupero", "nuovo numero di cellulare"),
            List.of("modificacontatti.pec.it"),
            List.of("Impostazioni, email e cellulare. Per le caselle PGA serve la conferma del legale rappresentante.")),
        new TopicText("pagamento-non-registrato", "Pagamento con bollettino o bonifico non registrato",
            List.of("bonifico non risulta", "pagamento non registrato", "ha pagato con bollettino ma l'ordine è da pagare"),
            List.of("imposta pagamento"),
            List.of("Bollettino premarcato o bianco, CRO e numero d'ordine. Bonifico oltre 500 euro: pagamenti_billing_aruba.")),
        new TopicText("pec-partner", "PEC acquistata da un partner",
            List.of("pec non acquistata su pec.it", "casella di un rivenditore", "inoltro ko partner"),
            List.of("@ingpec.eu", "@archiworldpec.it"),
            List.of("Assistenza dedicata del partner: supportotitolari.aruba.it.")),
        new TopicText("correzione-dati", "Correzione di dati anagrafici errati",
            List.of("dati anagrafici sbagliati", "codice fiscale errato", "correggere il nome del titolare"),
            List.of("account_anagrafica_cambio_dati"),
            List.of("Solo servizio PEC: inoltra a pec_change_aruba.")),
        new TopicText("disdetta-conservazione", "Disdetta della conservazione digitale",
            List.of("disdire la conservazione digitale", "non vuole più la conservazione"),
            List.of(),
            List.of("Servizio aggiuntivo: inoltra a pec_change_aruba.")),
        new TopicText("richiesta-autorita", "Richiesta da un'autorità",
            List.of("richiesta della polizia", "un tribunale chiede dati di una casella"),
            List.of("PRO11271"),
            List.of("Segui la procedura PRO11271.")),
        new TopicText("rinnovo-casella", "Rinnovo della casella scaduta",
            List.of("rinnovare la casella", "casella scaduta", "la pec è scaduta"),
            List.of(),
            List.of("Con la 2FA attiva rinnova con lo username.")),
        new TopicText("pausa", "Pausa 626",
            List.of("quanto dura la pausa", "pausa videoterminale"),
            List.of(),
            List.of("15 minuti ogni due ore.")),
        new TopicText("saluto-ticket", "Saluto quando richiami per un ticket",
            List.of("come saluto quando richiamo il cliente per un ticket", "frase per richiamare il cliente"),
            List.of(),
            List.of("Buongiorno, sono @nome@, la chiamo per conto di Aruba.")),
        new TopicText("saluto-chiamata", "Saluto quando rispondi a una chiamata",
            List.of("come saluto quando rispondo al telefono", "frase di apertura della chiamata"),
            List.of(),
            List.of("Buongiorno, sono @nome@ di Aruba.")),
        new TopicText("cambia-gruppo", "Cambiare il gruppo di un ticket",
            List.of("ticket di hosting da spostare", "a quale gruppo sposto il ticket", "ticket spid a quale gruppo"),
            List.of("dispatch"),
            List.of("Dispatch: hosting, cloud. Operatore: pec, spid, firma.")));
  }

  static LexicalTopicMatcher matcher() {
    return LexicalTopicMatcher.build(topics(), lexicon());
  }
}
