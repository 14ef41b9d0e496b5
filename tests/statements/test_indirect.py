"""Reported speech per language (sentences written for the tests)."""

from __future__ import annotations

MAYOR = ("Anna de Vries", "person", ["Anna de Vries", "De Vries", "de burgemeester"])
PM = ("John Miller", "person", ["John Miller", "Miller", "the prime minister"])
CITY = ("Rotterdam", "state", ["Rotterdam"])
MINISTRY = ("Ministry of Health", "organization", ["the ministry", "the Ministry of Health"])


def cue_text(doc, i: int = 0) -> str | None:
    cue = doc.statements[i].cue
    return doc.text[cue.start : cue.end] if cue else None


def test_nl_dat_clause_after_inverted_verb_with_channel(run_stage, said) -> None:
    text = "In een bericht op Telegram schrijft De Vries dat de dijk het water zal houden."
    doc = run_stage(text, "nl", [MAYOR])
    assert said(doc) == [("Anna de Vries", "dat de dijk het water zal houden", False)]
    assert cue_text(doc) == "schrijft" and doc.statements[0].channel == "Telegram"


def test_nl_subject_first_dat_clause(run_stage, said) -> None:
    doc = run_stage("Rotterdam meldt verder dat de haven weer open is voor schepen.", "nl", [CITY])
    assert said(doc) == [("Rotterdam", "dat de haven weer open is voor schepen", False)]


def test_nl_postposed_cue(run_stage, said) -> None:
    text = "De buurt verdient betere straatverlichting, betoogde De Vries in de raad."
    doc = run_stage(text, "nl", [MAYOR])
    assert said(doc) == [("Anna de Vries", "De buurt verdient betere straatverlichting", False)]


def test_nl_aldus(run_stage, said) -> None:
    text = "Het plan kost te veel geld en levert te weinig op, aldus de burgemeester."
    doc = run_stage(text, "nl", [MAYOR])
    assert said(doc) == [("Anna de Vries", "Het plan kost te veel geld en levert te weinig op", False)]
    assert cue_text(doc) == "aldus"


def test_nl_volgens_with_pronoun_and_continuation(run_stage, said) -> None:
    text = (
        "Anna de Vries opende de nieuwe school. Goed onderwijs is volgens haar de basis van een "
        "sterke stad. Een sterke stad trekt bovendien nieuwe bedrijven aan."
    )
    doc = run_stage(text, "nl", [MAYOR])
    assert said(doc) == [
        ("Anna de Vries", "Goed onderwijs is volgens haar de basis van een sterke stad", False),
        ("Anna de Vries", "Een sterke stad trekt bovendien nieuwe bedrijven aan", False),
    ]
    assert cue_text(doc, 0) == "volgens haar" and doc.statements[1].cue is None


def test_nl_volgens_without_actor_is_not_a_statement(run_stage, said) -> None:
    doc = run_stage("Volgens de regels moet de brug elk jaar worden gekeurd.", "nl", [MAYOR])
    assert doc.statements == []


def test_nl_separable_verb_liet_weten(run_stage, said) -> None:
    doc = run_stage("De burgemeester liet maandag weten dat de markt verhuist naar het plein.", "nl", [MAYOR])
    assert said(doc) == [("Anna de Vries", "dat de markt verhuist naar het plein", False)]
    assert cue_text(doc) == "liet maandag weten"


def test_nl_zei_toe_is_a_promise_not_speech(run_stage, said) -> None:
    doc = run_stage("De Vries zegde toe de school te renoveren en zei toe geld te geven.", "nl", [MAYOR])
    assert doc.statements == []


def test_en_that_clause_and_coordinated_that(run_stage, said) -> None:
    text = "Miller stressed that the budget is balanced and that taxes will not rise next year."
    doc = run_stage(text, "en", [PM])
    assert said(doc) == [
        ("John Miller", "that the budget is balanced", False),
        ("John Miller", "that taxes will not rise next year", False),
    ]


def test_en_apposition_between_subject_and_verb(run_stage, said) -> None:
    text = "The ministry, citing hospital figures, reported that admissions fell by a third."
    doc = run_stage(text, "en", [MINISTRY])
    assert said(doc) == [("Ministry of Health", "that admissions fell by a third", False)]


def test_en_postposed_the_ministry_said(run_stage, said) -> None:
    doc = run_stage("Vaccination centres will stay open all summer, the ministry said.", "en", [MINISTRY])
    assert said(doc) == [("Ministry of Health", "Vaccination centres will stay open all summer", False)]


def test_en_according_to_at_sentence_start(run_stage, said) -> None:
    text = "According to the prime minister, the new line will carry ten thousand people a day."
    doc = run_stage(text, "en", [PM])
    assert said(doc) == [("John Miller", "the new line will carry ten thousand people a day", False)]


def test_en_bare_clause_and_pronoun(run_stage, said) -> None:
    text = "John Miller visited the port. He claimed the harbour dues are the lowest in the region."
    doc = run_stage(text, "en", [PM])
    assert said(doc) == [("John Miller", "the harbour dues are the lowest in the region", False)]


def test_en_said_in_a_statement_is_not_content(run_stage, said) -> None:
    doc = run_stage("Miller said in a statement on Friday.", "en", [PM])
    assert doc.statements == []


def test_en_participle_takes_the_main_subject(run_stage, said) -> None:
    text = "The prime minister briefed the council on the floods, noting that two dams had been reinforced."
    doc = run_stage(text, "en", [PM])
    assert said(doc) == [("John Miller", "that two dams had been reinforced", False)]


def test_en_coordinated_speech_verb_takes_the_clause_subject(run_stage, said) -> None:
    text = "Miller praised the rescue teams of Rotterdam and said that the city would be rebuilt."
    doc = run_stage(text, "en", [PM, CITY])
    assert said(doc) == [("John Miller", "that the city would be rebuilt", False)]


def test_en_interview_channel(run_stage, said) -> None:
    text = "In an interview with Harbour Radio, Miller said that the ferry service would resume in June."
    doc = run_stage(text, "en", [PM])
    assert doc.statements[0].channel == "Harbour Radio"


def test_en_retro_this_was_announced_by(run_stage, said) -> None:
    text = "The ferry service will resume in June. This was announced by the prime minister on Friday."
    doc = run_stage(text, "en", [PM])
    assert said(doc) == [("John Miller", "The ferry service will resume in June", False)]


def test_de_dass_and_laut(run_stage, said) -> None:
    text = (
        "Anna de Vries erklärte, dass die Brücke im Mai öffnet. Laut De Vries wird der Verkehr dann deutlich ruhiger."
    )
    doc = run_stage(text, "de", [MAYOR])
    assert [s[0] for s in said(doc)] == ["Anna de Vries", "Anna de Vries"]
    assert said(doc)[0][1] == "dass die Brücke im Mai öffnet"


def test_de_comma_clause_after_inverted_pronoun(run_stage, said) -> None:
    text = "Anna de Vries sprach vor der Presse. Dort sagte sie, die Stadt brauche mehr Wohnungen für Familien."
    doc = run_stage(text, "de", [MAYOR])
    assert said(doc) == [("Anna de Vries", "die Stadt brauche mehr Wohnungen für Familien", False)]


def test_de_press_release_channel(run_stage, said) -> None:
    text = "In seiner Pressemitteilung sagte John Miller, die Regierung werde die Steuern senken."
    doc = run_stage(text, "de", [PM])
    assert doc.statements[0].channel == "press release"


def test_fr_que_and_selon(run_stage, said) -> None:
    text = (
        "Jean Martin a indiqué que les écoles rouvriront lundi. Selon Jean Martin, la situation "
        "reste fragile dans le nord."
    )
    doc = run_stage(text, "fr", [("Jean Martin", "person", ["Jean Martin"])])
    assert said(doc) == [
        ("Jean Martin", "que les écoles rouvriront lundi", False),
        ("Jean Martin", "la situation reste fragile dans le nord", False),
    ]


def test_fr_postposed_with_auxiliary_and_dit_on_skipped(run_stage, said) -> None:
    text = (
        "Les routes sont coupées depuis hier, a déclaré Jean Martin. Les soldats se seraient rendus, "
        "dit-on, sans combattre."
    )
    doc = run_stage(text, "fr", [("Jean Martin", "person", ["Jean Martin"])])
    assert said(doc) == [("Jean Martin", "Les routes sont coupées depuis hier", False)]


def test_nl_unresolved_description_after_aldus_refers_back(run_stage, said) -> None:
    text = (
        "Burgemeester Anna de Vries opende dinsdag de nieuwe brug met wethouder Jan Smit. Het verkeer in "
        "de binnenstad wordt er veel rustiger van, aldus de burgemeester."
    )
    doc = run_stage(
        text,
        "nl",
        [("Anna de Vries", "person", ["Burgemeester Anna de Vries"]), ("Jan Smit", "person", ["wethouder Jan Smit"])],
    )
    assert said(doc)[0][0] == "Anna de Vries"
    # a description that names no known actor stays unknown
    text = "Jan Smit opende de brug. Het verkeer wordt er rustiger van, aldus de woordvoerder."
    doc = run_stage(text, "nl", [("Jan Smit", "person", ["Jan Smit"])])
    assert said(doc)[0][0] is None


def test_nl_object_pronoun_prefers_the_person_over_a_body_in_its_clause(run_stage, said) -> None:
    text = "Anna de Vries sprak in Genève. Samenwerking via de VN is volgens haar de enige weg vooruit."
    doc = run_stage(
        text, "nl", [("Anna de Vries", "person", ["Anna de Vries"]), ("United Nations", "organization", ["de VN"])]
    )
    assert said(doc) == [("Anna de Vries", "Samenwerking via de VN is volgens haar de enige weg vooruit", False)]


def test_en_plural_pronoun_takes_a_body(run_stage, said) -> None:
    text = "The harbour board met on Monday. They said that fees will rise by five percent."
    doc = run_stage(
        text, "en", [("Harbour Board", "organization", ["The harbour board"]), ("John Miller", "person", ["Miller"])]
    )
    assert said(doc) == [("Harbour Board", "that fees will rise by five percent", False)]


def test_nl_retro_dat_meldt_with_media_channel(run_stage, said) -> None:
    text = "De veerboot vaart vanaf maandag weer. Dat zei de burgemeester zondag tegen De Dagkrant."
    doc = run_stage(text, "nl", [MAYOR, ("De Dagkrant", "media", ["De Dagkrant"])])
    assert said(doc) == [("Anna de Vries", "De veerboot vaart vanaf maandag weer", False)]
    assert doc.statements[0].channel == "De Dagkrant"


def test_en_fronted_phrase_then_speaker_and_bare_clause_is_not_postposed(run_stage, said) -> None:
    text = "Speaking to Harbour Radio, the prime minister said the dikes were strong enough."
    doc = run_stage(text, "en", [PM, ("Harbour Radio", "media", ["Harbour Radio"])])
    assert said(doc) == [("John Miller", "the dikes were strong enough", False)]
    assert doc.statements[0].channel == "Harbour Radio"


def test_en_apposition_before_the_verb_is_not_content(run_stage, said) -> None:
    text = "Miller, who has led the council since 2019, said he would not resign over the budget."
    doc = run_stage(text, "en", [PM])
    assert said(doc) == [("John Miller", "he would not resign over the budget", False)]
    doc = run_stage("Miller, the council leader, warned of a long winter.", "en", [PM])
    assert doc.statements == []


def test_en_content_ends_before_a_coordinated_speech_verb(run_stage, said) -> None:
    text = "Miller said that the port was open to ships, but warned that storms could close it again."
    doc = run_stage(text, "en", [PM])
    assert said(doc) == [
        ("John Miller", "that the port was open to ships", False),
        ("John Miller", "that storms could close it again", False),
    ]


def test_en_bare_clause_starting_with_it(run_stage, said) -> None:
    doc = run_stage(
        "The harbour board said it was studying the proposal.",
        "en",
        [("Harbour Board", "organization", ["The harbour board"])],
    )
    assert said(doc) == [("Harbour Board", "it was studying the proposal", False)]


def test_nl_liet_weten_with_infinitive_clause(run_stage, said) -> None:
    doc = run_stage("De burgemeester liet weten het voorstel te bestuderen.", "nl", [MAYOR])
    assert said(doc) == [("Anna de Vries", "het voorstel te bestuderen", False)]


def test_de_teilte_mit_and_zufolge(run_stage, said) -> None:
    text = (
        "Das Ministerium teilte am Montag mit, dass die Grenze geöffnet bleibt. Dem Ministerium zufolge "
        "gibt es genug Personal an den Übergängen."
    )
    doc = run_stage(text, "de", [("Ministry", "organization", ["Das Ministerium", "Dem Ministerium"])])
    assert said(doc) == [
        ("Ministry", "dass die Grenze geöffnet bleibt", False),
        ("Ministry", "Dem Ministerium zufolge gibt es genug Personal an den Übergängen", False),
    ]
    assert doc.text[doc.statements[0].cue.start : doc.statements[0].cue.end] == "teilte am Montag mit"


def test_en_told_with_one_letter_platform_channel(run_stage, said) -> None:
    text = "In a post on X, Miller told his followers that the bridge would open on time."
    doc = run_stage(text, "en", [PM])
    assert said(doc) == [("John Miller", "that the bridge would open on time", False)]
    assert doc.statements[0].channel == "X"


def test_nl_verklaarde_and_stelt_with_platform(run_stage, said) -> None:
    text = (
        "De Vries verklaarde op Truth Social dat de haven veilig is. Rotterdam stelt dat de kosten "
        "binnen de begroting blijven."
    )
    doc = run_stage(text, "nl", [MAYOR, CITY])
    assert said(doc) == [
        ("Anna de Vries", "dat de haven veilig is", False),
        ("Rotterdam", "dat de kosten binnen de begroting blijven", False),
    ]
    assert [s.channel for s in doc.statements] == ["Truth Social", None]


def test_fr_a_dit_and_a_affirme(run_stage, said) -> None:
    text = "Jean Martin a dit que la route restera fermée. Il a affirmé que les travaux dureront un mois."
    doc = run_stage(text, "fr", [("Jean Martin", "person", ["Jean Martin"])])
    assert said(doc) == [
        ("Jean Martin", "que la route restera fermée", False),
        ("Jean Martin", "que les travaux dureront un mois", False),
    ]


def test_en_that_after_a_parenthetical_comma_is_still_content(run_stage, said) -> None:
    doc = run_stage("Miller said, however, that the tunnel would stay closed.", "en", [PM])
    assert said(doc) == [("John Miller", "that the tunnel would stay closed", False)]


def test_nl_relative_dat_after_a_noun_is_not_content(run_stage, said) -> None:
    doc = run_stage("De Vries noemde het plan voor de haven, dat veel geld kost.", "nl", [MAYOR])
    assert all(not words.startswith("dat veel geld") for _, words, _ in said(doc))


# --- attribution scopes (issue 14) -----------------------------------------------------------------------


def test_en_postposed_speaker_after_a_title(run_stage, said) -> None:
    text = "The harbour will reopen on Monday, Rotterdam's port spokesperson John Miller said."
    doc = run_stage(text, "en", [PM, CITY])
    assert said(doc) == [("John Miller", "The harbour will reopen on Monday", False)]


def test_en_colon_then_a_list_is_one_statement(run_stage, said) -> None:
    text = (
        "The prime minister announced the measures:\n"
        "- the harbour closes at night;\n"
        "- schools stay open until Friday.\n\n"
        "The weather was mild."
    )
    doc = run_stage(text, "en", [PM])
    assert said(doc) == [("John Miller", "the harbour closes at night;\n- schools stay open until Friday", False)]
    assert doc.attributions[0].how == "list"


def test_nl_colon_then_a_paragraph_is_one_statement(run_stage, said) -> None:
    text = "De burgemeester zei daarover:\n\nDe dijk houdt het water tegen. De school blijft open.\n\nHet regende."
    doc = run_stage(text, "nl", [MAYOR])
    assert said(doc) == [("Anna de Vries", "De dijk houdt het water tegen. De school blijft open", False)]
    assert doc.attributions[0].how == "paragraph"


def test_colon_before_a_quote_is_left_to_the_quote_finder(run_stage) -> None:
    doc = run_stage('The prime minister said:\n\n"The harbour closes at night."', "en", [PM])
    assert [a.how for a in doc.attributions if not a.direct] == []


def test_de_retro_report_with_a_long_speaker_before_its_particle(run_stage, said) -> None:
    text = "Der Hafen bleibt bis Freitag geschlossen. Das teilte der Bürgermeister von Rotterdam am Sonntag mit."
    doc = run_stage(text, "de", [("Rotterdam", "state", ["Bürgermeister von Rotterdam"])])
    assert said(doc) == [("Rotterdam", "Der Hafen bleibt bis Freitag geschlossen", False)]


def attributed(doc) -> list[tuple[str | None, str, str]]:
    """(speaker name, scope text, how) of each attribution."""
    return [
        (doc.actors[a.speaker].name if a.speaker is not None else None, doc.text[a.scope.start : a.scope.end], a.how)
        for a in doc.attributions
    ]


def test_reported_mood_carries_the_report_on(run_stage, said) -> None:
    doc = run_stage(
        "John Miller said that the harbour would reopen on Monday. The schools would stay closed until May.",
        "en",
        [PM],
    )
    carried = ("John Miller", "The schools would stay closed until May", "continuation (reported mood)")
    assert carried in attributed(doc)
    # an attribution for the events' source, not a statement the text marks
    assert all(s[1] != carried[1] for s in said(doc))
    doc = run_stage(
        "Die Ministerin sagte, der Hafen sei wieder offen. Die Schulen blieben bis Mai geschlossen. "
        "Das Wetter werde besser.",
        "de",
        [("Ministry of Health", "organization", ["Die Ministerin"])],
    )
    # an indicative sentence in between ends the report
    assert [a[1] for a in attributed(doc)] == ["der Hafen sei wieder offen"]


def test_reported_mood_carries_an_attributed_quote_on(run_stage) -> None:
    # round 9: '„…“, sagte X. <Konjunktiv I>': the speaker goes on in reported speech after the quote
    minister = ("Anna Berger", "person", ["Anna Berger"])
    doc = run_stage(
        "„Wir lassen die Fischer nicht im Stich“, sagte Anna Berger. Die Regierung werde den Hafen im Mai "
        "wieder öffnen. Die Schulen blieben geschlossen.",
        "de",
        [minister],
    )
    carried = ("Anna Berger", "Die Regierung werde den Hafen im Mai wieder öffnen", "continuation (reported mood)")
    assert carried in attributed(doc)
    assert not any(a[1].startswith("Die Schulen") for a in attributed(doc))
    doc = run_stage(
        '"We will not abandon the fishermen," Anna Berger said. The government would reopen the harbour in May.',
        "en",
        [minister],
    )
    assert ("Anna Berger", "The government would reopen the harbour in May", "continuation (reported mood)") in (
        attributed(doc)
    )
    # an adverb alone does not carry a quote on: the author may go on ("Zudem …" in the indicative)
    doc = run_stage(
        "„Wir lassen die Fischer nicht im Stich“, sagte Anna Berger. Zudem öffnete die Regierung den Hafen.",
        "de",
        [minister],
    )
    assert [a[2] for a in attributed(doc)] == ["tail"]


def test_pronoun_after_the_words_is_not_the_state_inside_them(run_stage) -> None:
    # round 9: "<state> werde …, sagte sie": the speaker is the person named just before, not the state the
    # reported words open with
    actors = [
        ("Anna Berger", "person", ["Anna Berger"]),
        ("Norway", "state", ["Norwegens", "Oslo"]),
    ]
    text = (
        "Norwegens Fischereiministerin Anna Berger nannte die Quoten unfair. "
        "Oslo werde die Verhandlungen im Herbst fortsetzen, sagte sie."
    )
    doc = run_stage(text, "de", actors)
    words = "Oslo werde die Verhandlungen im Herbst fortsetzen"
    assert ("Anna Berger", words, "postposed") in attributed(doc)
    # only the sentence right before is read: a person named further back is not taken
    text = (
        "Anna Berger sprach am Montag in Bergen. Norwegen nannte die Quoten unfair. "
        "Oslo werde die Verhandlungen fortsetzen, sagte sie."
    )
    doc = run_stage(text, "de", actors)
    assert [a[0] for a in attributed(doc) if a[1].startswith("Oslo werde")] == ["Norway"]


def test_reported_mood_carries_a_postposed_report_on(run_stage) -> None:
    # round 9: the report of a postposed cue stops before the cue, and still carries on to the next sentence
    speaker = [("Anton Weber", "person", ["Anton Weber"])]
    doc = run_stage(
        "Bei den Ausgewiesenen handle es sich um Saisonarbeiter, erklärte Regierungssprecher Anton Weber. "
        "Die Regierung werde die Grenze im Sommer wieder öffnen.",
        "de",
        speaker,
    )
    carried = ("Anton Weber", "Die Regierung werde die Grenze im Sommer wieder öffnen", "continuation (reported mood)")
    assert carried in attributed(doc)
    # the verb form only in a clause after the first comma: the author's sentence, with a view reported inside
    doc = run_stage(
        "Bei den Ausgewiesenen handle es sich um Saisonarbeiter, erklärte Regierungssprecher Anton Weber. "
        "Das Gesetz wird von Juristen kritisiert, weil es zu streng sei.",
        "de",
        speaker,
    )
    assert not any(a[1].startswith("Das Gesetz") for a in attributed(doc))
