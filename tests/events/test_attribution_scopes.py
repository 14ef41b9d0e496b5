"""Who claims an event and how sure the text is of it (issue 14): attribution scopes over a sentence, a
list or a paragraph, post-posed and carried attribution, reported futures and negation. Every sentence
here is written for these tests."""

from events_support import make_doc, names, only, run_statements_and_events

from kroniek.document import ArticleDoc, EventRecord
from kroniek.events.stage import EventsStage

STATES = {
    "Nortland": ["Nortland"],
    "Sudland": ["Sudland"],
    "Ostrava Council": ["the Council", "The Council", "der Rat", "Der Rat", "de Raad", "De Raad", "le Conseil"],
}


def run(text: str, lang: str, actors: dict[str, list[str]] | None = None, published: str | None = None) -> ArticleDoc:
    doc = make_doc(text, lang, actors or STATES, published=published)
    return run_statements_and_events(doc)


def source_name(doc: ArticleDoc, event: EventRecord) -> str | None:
    return None if event.source is None else doc.actors[event.source].name


# --- source: post-posed attribution -----------------------------------------------------------------


def test_postposed_report_names_the_source_en():
    doc = run("Nortland attacked Sudland on Monday, the Council said Tuesday.", "en")
    attack = only(doc.events, "ASSAULT")
    assert source_name(doc, attack) == "Ostrava Council"


def test_postposed_report_with_inverted_speaker_de():
    doc = run("Nortland hat Sudland am Montag angegriffen, erklärte der Rat am Dienstag.", "de")
    attack = only(doc.events, "ASSAULT")
    assert source_name(doc, attack) == "Ostrava Council"


def test_postposed_report_with_inverted_speaker_fr():
    doc = run("Nortland a attaqué Sudland lundi, a déclaré le Conseil.", "fr")
    attack = only(doc.events, "ASSAULT")
    assert source_name(doc, attack) == "Ostrava Council"


def test_postposed_report_nl():
    doc = run("Nortland heeft Sudland maandag aangevallen, meldde de Raad dinsdag.", "nl")
    attack = only(doc.events, "ASSAULT")
    assert source_name(doc, attack) == "Ostrava Council"


# --- source: a list or paragraph announced with a colon ------------------------------------------------


def test_colon_list_is_attributed_item_by_item_en():
    doc = run(
        "The Council announced the results of the talks:\n"
        "- Nortland will send humanitarian aid to Sudland.\n"
        "- Sudland will withdraw its troops from the border.\n\n"
        "Nortland attacked Sudland in the spring.",
        "en",
    )
    aid = only(doc.events, "AID")
    withdraw = only(doc.events, "RETREAT")
    assert source_name(doc, aid) == "Ostrava Council"
    assert source_name(doc, withdraw) == "Ostrava Council"
    assert "list" in str(aid.explain["source"])
    # the paragraph after the list is the author's again
    assert only(doc.events, "ASSAULT").source is None


def test_colon_paragraph_is_attributed_de():
    doc = run(
        "Der Rat erklärte dazu:\n\nNortland hat Sudland in der Nacht angegriffen. Sudland hat die Grenze geschlossen.\n\n"
        "Nortland hat Sudland im Frühjahr mit Sanktionen gedroht.",
        "de",
    )
    attack = only(doc.events, "ASSAULT")
    assert source_name(doc, attack) == "Ostrava Council"
    threat = only(doc.events, "THREATEN")
    assert threat.source is None


# --- source and modality: a report carried into the next sentence ---------------------------------------


def test_reported_future_in_the_next_sentence_continues_the_report_en():
    doc = run(
        "The Council said that Nortland would release forty prisoners. Sudland would also withdraw its troops.",
        "en",
    )
    withdraw = next(e for e in doc.events if e.event == "RETREAT" and names(doc, e.actor) == {"Sudland"})
    assert source_name(doc, withdraw) == "Ostrava Council"
    assert withdraw.modality == "planned"


def test_reported_future_in_the_next_sentence_continues_the_report_nl():
    doc = run(
        "Volgens de Raad zal Nortland veertig gevangenen vrijlaten. Sudland zou zijn troepen terugtrekken.",
        "nl",
    )
    withdraw = next(e for e in doc.events if e.event == "RETREAT" and names(doc, e.actor) == {"Sudland"})
    assert source_name(doc, withdraw) == "Ostrava Council"
    assert withdraw.modality == "planned"


def test_konjunktiv_in_the_next_sentence_continues_the_report_de():
    doc = run(
        "Der Rat teilte mit, die Lage an der Grenze sei ruhig. Sudland werde am Freitag mit Nortland verhandeln.",
        "de",
    )
    talks = only(doc.events, "CONSULT")
    assert source_name(doc, talks) == "Ostrava Council"
    assert talks.modality == "planned"


def test_an_indicative_next_sentence_is_the_authors_own():
    doc = run("The Council said that Nortland would release forty prisoners. Sudland attacked Nortland in May.", "en")
    assert only(doc.events, "ASSAULT").source is None


# --- modality -------------------------------------------------------------------------------------------


def test_reported_future_after_a_source_phrase_is_planned_nl():
    doc = run("Volgens de Raad zouden Nortland en Sudland woensdag onderhandelen.", "nl")
    talks = only(doc.events, "CONSULT")
    assert talks.modality == "planned"


def test_another_nouns_plan_word_does_not_make_the_event_planned_en():
    doc = run("The planned withdrawal was announced after the meeting between Nortland and Sudland.", "en")
    meeting = only(doc.events, "CONSULT")
    assert meeting.modality == "asserted"


def test_plan_word_on_the_event_noun_itself_stays_planned_en():
    doc = run("Nortland confirmed the planned meeting with Sudland.", "en")
    assert only(doc.events, "CONSULT").modality == "planned"


def test_negated_object_negates_the_event():
    # the English sentence codes the ceasefire itself (RETREAT), the others the agreeing
    # (a negated RETREAT is then let go as an act not done, events/unrealised.py: the modality is read with
    # that rule off)
    en = make_doc("No ceasefire was agreed between Nortland and Sudland.", "en", STATES)
    run_statements_and_events(en, unrealised_acts=[])
    assert only(en.events, "RETREAT").modality == "negated"
    de = run("Nortland und Sudland haben keine Waffenruhe vereinbart.", "de")
    assert only(de.events, "AGREE").modality == "negated"
    nl = run("Nortland en Sudland hebben geen akkoord bereikt.", "nl")
    assert only(nl.events, "AGREE").modality == "negated"
    fr = run("Nortland et Sudland n'ont conclu aucun accord.", "fr")
    assert only(fr.events, "AGREE").modality == "negated"


# --- source: what a report does not cover ---------------------------------------------------------------


def test_a_coordinated_clause_after_a_report_is_the_authors():
    doc = run("The Council said that Nortland had closed the border, and Sudland attacked Nortland on Friday.", "en")
    assert only(doc.events, "ASSAULT").source is None


def test_the_clause_a_report_verb_introduces_is_its_speakers():
    doc = run("Der Rat teilte am Montag mit, dass Nortland Sudland in der Nacht angegriffen habe.", "de")
    attack = only(doc.events, "ASSAULT")
    assert source_name(doc, attack) == "Ostrava Council"


def test_said_before_a_group_is_no_source_without_a_comma():
    doc = run("Sudland attacked the border posts, said the Council.", "en")
    assert source_name(doc, only(doc.events, "ASSAULT")) == "Ostrava Council"
    doc = run("The Council said Sudland attacked Nortland.", "en")
    attack = only(doc.events, "ASSAULT")
    assert "said X" not in str(attack.explain.get("source"))


def test_an_accusation_in_a_quote_is_the_speakers_own_but_a_reported_one_is_relayed():
    doc = run('"Nortland accuses Sudland of genocide," the Council said.', "en")
    assert only(doc.events, "ACCUSE").source is None
    doc = run("The Council said that Nortland had accused Sudland of genocide.", "en")
    assert source_name(doc, only(doc.events, "ACCUSE")) == "Ostrava Council"


def test_a_perfect_tense_keeps_a_bare_weekday_in_the_past():
    # published on a Tuesday: "maandag" read forward would be next week's Monday
    doc = make_doc(
        "Nortland heeft maandag de onderhandelingen met Sudland afgebroken.",
        "nl",
        STATES,
        timexes=[("maandag", "DATE", "2024-12-23")],
        published="2024-12-17",
    )
    tx = doc.timexes[0]
    tx.direction, tx.readings = "future", {"past": "2024-12-16", "future": "2024-12-23"}
    run_statements_and_events(doc)
    event = doc.events[0]
    assert event.modality != "planned"
    assert event.date is not None and event.date.value == "2024-12-16"


def test_an_announced_act_is_planned():
    en = run("The Council announced new sanctions against Nortland.", "en")
    assert only(en.events, "SANCTION").modality == "planned"
    de = run("Der Rat kündigte an, Sanktionen gegen Nortland zu verhängen.", "de")
    assert only(de.events, "SANCTION").modality == "planned"
    done = run("The Council announced that Nortland had attacked Sudland.", "en")
    assert only(done.events, "ASSAULT").modality == "asserted"
    # an announcement in a passive side clause announces something else
    later = run("After the new budget was announced, Nortland attacked Sudland.", "en")
    assert only(later.events, "ASSAULT").modality == "asserted"


def test_an_act_dated_in_a_later_week_is_planned():
    doc = make_doc(
        "Nortland meets Sudland in the week of 23 December.",
        "en",
        STATES,
        timexes=[("the week of 23 December", "DATE", "2024-W52")],
        published="2024-12-17",
    )
    EventsStage()(doc)
    assert only(doc.events, "CONSULT").modality == "planned"


def test_a_conditional_threat_is_hypothetical():
    en = run("Nortland threatened to close the border if Sudland refused the deal.", "en")
    assert only(en.events, "THREATEN").modality == "hypothetical"
    # the Dutch, German and French annotators keep a conditional warning an asserted THREATEN (A11 #3b)
    nl = run("Nortland dreigde Sudland met sancties als de grens dichtgaat.", "nl")
    assert only(nl.events, "THREATEN").modality == "asserted"
    plain = run("Nortland threatened Sudland with sanctions.", "en")
    assert only(plain.events, "THREATEN").modality == "asserted"


def test_a_refusal_the_model_read_from_a_negated_word_is_asserted():
    # "will not approve": the learned trigger model codes the refusal (REJECT), so the "not" is the refusal
    doc = run(
        "President Tom Brandt said he will not approve a budget for Sudland.", "en", {"Tom Brandt": ["Tom Brandt"]}
    )
    refusal = only(doc.events, "REJECT")
    assert refusal.explain["entry"].startswith("model:")
    assert refusal.modality == "asserted"
    # a rejecting word under negation is a negated refusal
    doc = run("Nortland did not reject the offer of Sudland.", "en")
    assert only(doc.events, "REJECT").modality == "negated"


def test_as_the_speaker_said():
    de = run("Nortland hat Sudland in der Nacht angegriffen, wie der Rat am Montag mitteilte.", "de")
    assert source_name(de, only(de.events, "ASSAULT")) == "Ostrava Council"
    en = run("Nortland attacked Sudland overnight, as the Council said on Monday.", "en")
    assert source_name(en, only(en.events, "ASSAULT")) == "Ostrava Council"
    fr = run("Nortland a attaqué Sudland, comme l'a indiqué le Conseil.", "fr")
    assert source_name(fr, only(fr.events, "ASSAULT")) == "Ostrava Council"


def test_a_quoted_speech_act_in_the_first_person_is_the_speakers_own():
    doc = run('"We demand that Nortland withdraw its troops from Sudland," the Council said.', "en")
    assert only(doc.events, "REQUEST").source is None
    doc = run('"Nortland rejected the offer of Sudland," the Council said.', "en")
    assert source_name(doc, only(doc.events, "REJECT")) == "Ostrava Council"


def test_an_announcement_of_a_done_act_stays_asserted_fr():
    doc = run("Nortland a annoncé dimanche avoir attaqué Sudland.", "fr")
    assert only(doc.events, "ASSAULT").modality == "asserted"


# --- source: the speaker in an attribution tail takes no part in the reported act ----------------------


def test_tail_speaker_is_source_not_recipient_en():
    doc = run("Nortland attacked again on Monday, the Council said.", "en")
    attack = only(doc.events, "ASSAULT")
    assert names(doc, attack.actor) == {"Nortland"}
    assert attack.recipient == []
    assert source_name(doc, attack) == "Ostrava Council"


def test_tail_speaker_after_the_cue_is_source_not_recipient_de():
    doc = run("Nortland hat am Montag erneut angegriffen, sagte der Rat.", "de")
    attack = only(doc.events, "ASSAULT")
    assert names(doc, attack.actor) == {"Nortland"}
    assert attack.recipient == []
    assert source_name(doc, attack) == "Ostrava Council"


def test_tail_speaker_after_the_cue_is_source_not_recipient_fr():
    doc = run("Nortland a attaqué lundi, a déclaré le Conseil.", "fr")
    attack = only(doc.events, "ASSAULT")
    assert names(doc, attack.actor) == {"Nortland"}
    assert attack.recipient == []
    assert source_name(doc, attack) == "Ostrava Council"


def test_tail_speaker_after_aldus_is_source_not_recipient_nl():
    doc = run("Nortland heeft maandag opnieuw aangevallen, aldus de Raad.", "nl")
    attack = only(doc.events, "ASSAULT")
    assert names(doc, attack.actor) == {"Nortland"}
    assert attack.recipient == []
    assert source_name(doc, attack) == "Ostrava Council"


def test_object_inside_the_attributed_words_stays_the_recipient_en():
    doc = run("Nortland attacked Sudland on Monday, the Council said.", "en")
    attack = only(doc.events, "ASSAULT")
    assert names(doc, attack.recipient) == {"Sudland"}


def test_the_speaker_of_a_quoted_accusation_stays_its_actor_nl():
    # the speaker utters the accusation (docs/annotation.md, implicit speech act): the tail does not hide it
    doc = run("„Wij laten ons niet chanteren met een ultimatum”, zei de Raad.", "nl")
    accusation = only(doc.events, "ACCUSE")
    assert names(doc, accusation.actor) == {"Ostrava Council"}
    assert accusation.recipient == []
