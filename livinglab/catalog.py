"""Every string people see, in Dutch and English, plain language (B1)."""

MESSAGES: dict[str, dict[str, str]] = {
    "app_name": {"nl": "livinglab", "en": "livinglab"},
    # Start page
    "start_title": {"nl": "Start een workshop", "en": "Start a workshop"},
    "start_intro": {
        "nl": "Maak een ruimte waar iedereen meedoet met de eigen telefoon. Geen account nodig.",
        "en": "Make a room where everyone takes part with their own phone. No account needed.",
    },
    "field_title": {"nl": "Titel", "en": "Title"},
    "field_place": {"nl": "Plaats", "en": "Place"},
    "field_organisers": {"nl": "Georganiseerd door", "en": "Organised by"},
    "field_optional": {"nl": "(mag leeg)", "en": "(optional)"},
    "field_title_hint": {
        "nl": "Bijvoorbeeld: Werk en inkomen in Houten",
        "en": "For example: Work and income in Houten",
    },
    "field_question": {"nl": "Centrale vraag", "en": "Central question"},
    "field_question_hint": {
        "nl": "Bijvoorbeeld: Hoe helpen we mensen sneller aan werk?",
        "en": "For example: How do we help people find work sooner?",
    },
    "field_language": {"nl": "Taal van de workshop", "en": "Language of the workshop"},
    "lang_nl": {"nl": "Nederlands", "en": "Dutch (Nederlands)"},
    "lang_en": {"nl": "Engels (English)", "en": "English"},
    "field_names": {"nl": "Hoe doen mensen mee?", "en": "How do people take part?"},
    "names_anonymous": {"nl": "Anoniem", "en": "Anonymously"},
    "names_first_name": {
        "nl": "Met voornaam (mag ook anoniem)",
        "en": "With a first name (anonymous is fine too)",
    },
    "create_submit": {"nl": "Workshop maken", "en": "Create workshop"},
    "created_heading": {"nl": "Je workshop is klaar", "en": "Your workshop is ready"},
    "keep_link": {
        "nl": "Bewaar deze link goed. Alleen met deze link leid je de workshop. "
        "We laten hem maar één keer zien.",
        "en": "Keep this link safe. Only this link lets you lead the workshop. "
        "We show it only once.",
    },
    "open_console": {"nl": "Open het bedieningsscherm", "en": "Open the facilitator console"},
    "open_projector": {"nl": "Open het beamerscherm", "en": "Open the projector screen"},
    # The sample workshops (livinglab/demo.py)
    "demo_link": {
        "nl": "Eerst rondkijken? Maak een voorbeeldworkshop",
        "en": "Look around first? Make a sample workshop",
    },
    "demo_heading": {
        "nl": "De voorbeeldworkshops staan klaar",
        "en": "The sample workshops are ready",
    },
    "demo_intro": {
        "nl": "Twee verzonnen workshops: een die klaar is en een die nog loopt. Open ze gerust.",
        "en": "Two made-up workshops: one is finished, one is still going. Open them freely.",
    },
    "demo_console_closed": {
        "nl": "Bedieningsscherm van de afgesloten workshop",
        "en": "Facilitator console of the closed workshop",
    },
    "demo_projector_closed": {
        "nl": "Beamerscherm van de afgesloten workshop",
        "en": "Projector screen of the closed workshop",
    },
    "demo_pdf": {
        "nl": "Besluitenlog met pdf (ook te downloaden op het bedieningsscherm)",
        "en": "Decision log with PDF (you can also download it on the console)",
    },
    "demo_records": {"nl": "Alle besluitenlogs", "en": "All decision logs"},
    "demo_console_open": {
        "nl": "Bedieningsscherm van de lopende workshop",
        "en": "Facilitator console of the open workshop",
    },
    "demo_projector_open": {
        "nl": "Beamerscherm van de lopende workshop",
        "en": "Projector screen of the open workshop",
    },
    "demo_phone": {
        "nl": "Doe mee met een telefoon (lopende workshop)",
        "en": "Take part with a phone (open workshop)",
    },
    "log_demo": {
        "nl": "Voorbeeld: deze workshop is verzonnen om te laten zien hoe het werkt.",
        "en": "Demo: this workshop is made up to show how it works.",
    },
    # Page titles in the browser tab: the page, then the workshop
    "title_start": {"nl": "Nieuwe workshop — livinglab", "en": "New workshop — livinglab"},
    "title_console": {"nl": "Console", "en": "Console"},
    "title_projector": {"nl": "Beamer", "en": "Projector"},
    "title_phone": {"nl": "Telefoon", "en": "Phone"},
    "title_join": {"nl": "Meedoen", "en": "Join"},
    "title_records": {"nl": "Besluitenlogs", "en": "Decision logs"},
    "title_privacy": {"nl": "Privacy", "en": "Privacy"},
    # Stages: name, and what to do now in one plain sentence
    "stage_welcome": {"nl": "Welkom", "en": "Welcome"},
    "stage_collect": {"nl": "Verhalen verzamelen", "en": "Collect stories"},
    "stage_sensemaking": {"nl": "Samen betekenis geven", "en": "Make sense together"},
    "stage_dialogue": {"nl": "Dialoog naar verandering", "en": "Dialogue toward change"},
    "stage_closed": {"nl": "Afgesloten", "en": "Closed"},
    "do_welcome": {
        "nl": "Welkom! Wacht even, we beginnen zo.",
        "en": "Welcome! Please wait, we start soon.",
    },
    "do_collect": {
        "nl": "Schrijf een verhaal of inzicht en stuur het in.",
        "en": "Write a story or insight and send it.",
    },
    "do_sensemaking": {
        "nl": "We zoeken samen naar thema's. Kijk naar het grote scherm.",
        "en": "Together we look for themes. Look at the big screen.",
    },
    "do_dialogue": {
        "nl": "We praten over wat er moet veranderen. Kijk naar het grote scherm.",
        "en": "We talk about what should change. Look at the big screen.",
    },
    "do_closed": {
        "nl": "De workshop is klaar. Bedankt voor je bijdrage!",
        "en": "The workshop is over. Thank you for taking part!",
    },
    "coming_next": {
        "nl": "Dit deel komt binnenkort in de app. Volg nu de begeleider.",
        "en": "This part is coming soon in the app. Follow the facilitator for now.",
    },
    # Projector
    "join_on_phone": {"nl": "Doe mee met je telefoon", "en": "Join with your phone"},
    "scan_or_type": {
        "nl": "Scan de QR-code, of ga naar dit adres en typ de code:",
        "en": "Scan the QR code, or go to this address and type the code:",
    },
    "joined": {"nl": "deelnemers", "en": "joined"},
    "people_in_room": {"nl": "Mensen in de zaal (geteld)", "en": "People in the room (counted)"},
    "setting_save": {"nl": "Opslaan", "en": "Save"},
    "in_the_room": {"nl": "in de zaal", "en": "in the room"},
    "warn_more_joined": {
        "nl": "Meer aangemeld dan er mensen in de zaal zijn: iemand deed het twee keer, "
        "of van buiten de zaal.",
        "en": "More joined than there are people in the room: someone joined twice, "
        "or from outside the room.",
    },
    "warn_crowded": {
        "nl": "Veel telefoons meldden zich in korte tijd aan vanaf één adres: het maximum van",
        "en": "Many phones joined from one address in a short time: the most of",
    },
    "warn_crowded_after": {
        "nl": "per minuut is bereikt. Nieuwe telefoons wachten even en proberen het dan zelf "
        "opnieuw. Op de wifi van een zaal kan dat gewoon zijn; anders kan het een script zijn.",
        "en": "a minute was reached. New phones wait a moment and then try again by "
        "themselves. On a venue's wifi that can be normal; otherwise it may be a script.",
    },
    # The projector: what it shows, and the console's choice of it
    "projector_show": {"nl": "Op het beamerscherm", "en": "On the projector"},
    "focus_": {"nl": "Volg de stap", "en": "Follow the step"},
    "focus_join": {"nl": "Meedoen (QR-code)", "en": "Join (QR code)"},
    "focus_board": {"nl": "Verhalen en thema's", "en": "Stories and themes"},
    "focus_results": {"nl": "Uitslag", "en": "Results"},
    "focus_proposal": {"nl": "Voorstel", "en": "Proposal"},
    "join_short": {"nl": "Doe mee", "en": "Join"},
    "more_stories": {"nl": "en nog {n} verhalen", "en": "and {n} more stories"},
    "more_results": {"nl": "en nog {n} lager in de uitslag", "en": "and {n} more further down"},
    "more_cards": {"nl": "nog {n}", "en": "{n} more"},
    "more_proposals": {"nl": "en nog {n} voorstellen", "en": "and {n} more proposals"},
    "other_proposals": {"nl": "Andere voorstellen", "en": "Other proposals"},
    "no_round_yet": {"nl": "Er is nog niet gestemd.", "en": "There has been no vote yet."},
    "no_proposals_yet": {
        "nl": "Er zijn nog geen voorstellen.",
        "en": "There are no proposals yet.",
    },
    "full_screen": {"nl": "Volledig scherm", "en": "Full screen"},
    "insights_count": {"nl": "verhalen", "en": "stories"},
    "time_left": {"nl": "Tijd over", "en": "Time left"},
    "no_insights_yet": {
        "nl": "Nog geen verhalen. De eerste komt zo!",
        "en": "No stories yet. The first one is coming!",
    },
    "loopback_warning": {
        "nl": "Let op: dit adres werkt alleen op deze computer, niet op telefoons. "
        "Zet LIVINGLAB_PUBLIC_URL of start de app in het netwerk.",
        "en": "Warning: this address only works on this computer, not on phones. "
        "Set LIVINGLAB_PUBLIC_URL or run the app on the network.",
    },
    # Console
    "console_title": {"nl": "Bediening", "en": "Facilitator console"},
    "stage_prev": {"nl": "Vorige stap", "en": "Previous step"},
    "stage_next": {"nl": "Volgende stap", "en": "Next step"},
    "prompt_label": {"nl": "Vraag voor deze stap", "en": "Question for this step"},
    "prompt_save": {"nl": "Vraag opslaan", "en": "Save question"},
    "timer_minutes": {"nl": "Minuten", "en": "Minutes"},
    "timer_start": {"nl": "Start timer", "en": "Start timer"},
    "timer_stop": {"nl": "Stop timer", "en": "Stop timer"},
    # Console: what to do now, per stage (one plain sentence for the facilitator)
    "now_heading": {"nl": "Nu", "en": "Now"},
    "now_welcome": {
        "nl": "Laat iedereen de QR-code scannen. Zijn de meesten binnen? Ga naar de volgende stap.",
        "en": "Let everyone scan the QR code. Are most people in? Go to the next step.",
    },
    "now_collect": {
        "nl": "Iedereen schrijft verhalen. Zet eventueel een timer en ga daarna verder.",
        "en": "Everyone writes stories. Start a timer if you like, then move on.",
    },
    "now_sensemaking": {
        "nl": "Maak thema's van de verhalen. Open daarna een stemronde en toon de uitslag.",
        "en": "Group the stories into themes. Then open a vote and show the results.",
    },
    "now_dialogue": {
        "nl": "Zet voorstellen op het scherm, vraag om instemming en leg het besluit vast.",
        "en": "Put proposals on the screen, ask for consent and record the decision.",
    },
    "now_closed": {
        "nl": "De workshop is afgesloten. Download het verslag.",
        "en": "The workshop is closed. Download the record.",
    },
    "other_tools": {"nl": "Meer hulpmiddelen", "en": "More tools"},
    "theme_tools_heading": {"nl": "Thema's en stemmen", "en": "Themes and voting"},
    # Console: closing asks first
    "close_heading": {"nl": "Workshop afsluiten?", "en": "Close the workshop?"},
    "close_explain": {
        "nl": "Na het afsluiten kan niemand nog iets sturen, stemmen of instemmen. "
        "De telefoons tonen dan wat jullie zeiden en wat er besloten is.",
        "en": "After closing, nobody can send, vote or give consent any more. "
        "The phones then show what people said and what was decided.",
    },
    "close_confirm": {"nl": "Ja, afsluiten", "en": "Yes, close it"},
    "close_cancel": {"nl": "Nee, nog niet", "en": "No, not yet"},
    # Console: keyboard shortcuts (never while typing in a field)
    "shortcuts_heading": {"nl": "Sneltoetsen", "en": "Keyboard shortcuts"},
    "shortcuts_switch": {
        "nl": "Sneltoetsen gebruiken (zet uit als je met spraak of een schermlezer werkt)",
        "en": "Use shortcuts (switch off when you use speech or a screen reader)",
    },
    "shortcuts_note": {
        "nl": "Werkt niet als je in een tekstveld typt.",
        "en": "Not while you type in a text field.",
    },
    "shortcut_timer": {"nl": "Timer starten of stoppen", "en": "Start or stop the timer"},
    "shortcut_reveal": {"nl": "Uitslag tonen", "en": "Show the results"},
    "hide": {"nl": "Verbergen", "en": "Hide"},
    "show": {"nl": "Weer tonen", "en": "Show again"},
    "hidden_label": {"nl": "Verborgen", "en": "Hidden"},
    # Review first: new stories wait on the console until let through
    "review_heading": {
        "nl": "Nieuwe verhalen, nog niet op de muur",
        "en": "New stories, not on the wall yet",
    },
    "review_first_explain": {
        "nl": "Nieuwe verhalen komen pas op de muur als jij of een medebegeleider ze doorlaat.",
        "en": "New stories go on the wall only after you or a co-facilitator let them through.",
    },
    "review_first_on": {"nl": "Verhalen eerst zelf lezen", "en": "Read stories first"},
    "review_first_off": {"nl": "Stoppen met eerst lezen", "en": "Stop reading first"},
    "review_first_is_on": {
        "nl": "Je leest nieuwe verhalen eerst.",
        "en": "You read new stories first.",
    },
    "review_off_still_waiting": {
        "nl": "Eerst lezen staat uit. Deze verhalen wachten nog. Kies bij elk verhaal.",
        "en": "Reading first is off. These stories still wait. Choose for each story.",
    },
    "let_through": {"nl": "Doorlaten", "en": "Let through"},
    "let_all_through": {
        "nl": "Alle wachtende verhalen doorlaten",
        "en": "Let all waiting stories through",
    },
    "hide_all_of": {
        "nl": "Alle verhalen van deze persoon verbergen",
        "en": "Hide all stories from this person",
    },
    "hide_all_question": {
        "nl": "Alle verhalen van deze persoon verbergen? Je ziet niet wie het is. "
        "Daarna kun je ze één voor één weer tonen.",
        "en": "Hide all stories from this person? You do not see who it is. "
        "Afterwards you can show them again one by one.",
    },
    "hide_all_confirm": {"nl": "Ja, alles verbergen", "en": "Yes, hide all"},
    "waits_for_review": {
        "nl": "Dit verhaal wacht op de begeleider. "
        "Het komt op de muur als de begeleider het doorlaat.",
        "en": "This story waits for the facilitator. It goes on the wall once they let it through.",
    },
    "let_through_by_facilitator": {
        "nl": "De begeleider heeft dit op de muur gezet.",
        "en": "The facilitator put this on the wall.",
    },
    "join_link_label": {"nl": "Link voor deelnemers", "en": "Link for participants"},
    "board_heading": {"nl": "Alle verhalen", "en": "All stories"},
    "facilitator_only": {
        "nl": "Dit scherm is alleen voor de begeleider. Open de link die je kreeg bij het maken.",
        "en": "This screen is only for the facilitator. Open the link you got when you created it.",
    },
    # Joining
    "code_heading": {"nl": "Typ de code van de workshop", "en": "Type the workshop code"},
    "code_label": {"nl": "Code", "en": "Code"},
    "code_submit": {"nl": "Verder", "en": "Continue"},
    "join_heading": {"nl": "Doe mee", "en": "Join in"},
    "your_name": {
        "nl": "Je voornaam (mag leeg blijven)",
        "en": "Your first name (you may leave it empty)",
    },
    "anonymous_note": {"nl": "Je doet anoniem mee.", "en": "You take part anonymously."},
    "role_label": {"nl": "Wie ben je in deze workshop?", "en": "Who are you in this workshop?"},
    "role_resident": {"nl": "Inwoner", "en": "Resident"},
    "role_professional": {"nl": "Professional", "en": "Professional"},
    "role_civil_servant": {"nl": "Ambtenaar", "en": "Civil servant"},
    "role_employer": {
        "nl": "Werkgever of sociaal ondernemer",
        "en": "Employer or social entrepreneur",
    },
    "role_other": {"nl": "Anders", "en": "Other"},
    "privacy_notice": {
        "nl": "We bewaren alleen wat je schrijft en je rol. Geen e-mail, geen telefoonnummer.\n"
        "Je kunt je eigen berichten zelf weer weghalen.",
        "en": "We only keep what you write and your role. No e-mail, no phone number.\n"
        "You can take your own posts away again.",
    },
    "join_submit": {"nl": "Meedoen", "en": "Join"},
    "anonymous": {"nl": "Anoniem", "en": "Anonymous"},
    # Phone, collect stage
    "insight_label": {"nl": "Jouw verhaal of inzicht", "en": "Your story or insight"},
    "insight_limit": {
        "nl": "Maximaal {INSIGHT_MAX} tekens.",
        "en": "At most {INSIGHT_MAX} characters.",
    },
    #: Filled in while typing by assets/count.js: {n} is what is left (or too many).
    "chars_left": {"nl": "Nog {n} tekens", "en": "{n} characters left"},
    "chars_left_one": {"nl": "Nog 1 teken", "en": "1 character left"},
    "chars_over": {
        "nl": "{n} tekens te veel. Maak je tekst korter.",
        "en": "{n} characters too many. Please make it shorter.",
    },
    "chars_over_one": {
        "nl": "1 teken te veel. Maak je tekst korter.",
        "en": "1 character too many. Please make it shorter.",
    },
    "insight_submit": {"nl": "Versturen", "en": "Send"},
    "insight_sent": {"nl": "Verstuurd. Dank je!", "en": "Sent. Thank you!"},
    "insight_waiting": {
        "nl": "Nog niet verstuurd. Je hebt nu geen verbinding. "
        "We sturen je verhaal vanzelf als je weer verbinding hebt.",
        "en": "Not sent yet. You have no connection right now. "
        "We send your story by itself when you are connected again.",
    },
    "read_aloud": {"nl": "Lees voor", "en": "Read aloud"},
    "field_retention": {
        "nl": "Hoeveel maanden bewaren we de gegevens na afloop?",
        "en": "How many months do we keep the data afterwards?",
    },
    "field_retention_hint": {
        "nl": "Daarna halen we namen en teksten weg. Alleen aantallen blijven. "
        "Meestal {RETENTION_DEFAULT_MONTHS}.",
        "en": "Then we remove names and texts. Only numbers stay. "
        "Usually {RETENTION_DEFAULT_MONTHS}.",
    },
    "template_heading": {"nl": "Waarmee begin je?", "en": "How do you start?"},
    "template_empty": {"nl": "Een lege workshop", "en": "An empty workshop"},
    "template_empty_hint": {
        "nl": "Je schrijft de vragen per stap zelf.",
        "en": "You write the questions for each step yourself.",
    },
    "template_agenda_hint": {
        "nl": "Een klaar draaiboek: een vraag en een tijd voor elke stap.",
        "en": "A ready plan: a question and a time for each step.",
    },
    "template_like": {"nl": "Net als", "en": "Like"},
    "own_heading": {
        "nl": "Workshops die je op dit apparaat begeleidt",
        "en": "Workshops you run on this device",
    },
    "own_link_heading": {"nl": "Open op een tweede apparaat", "en": "Open on a second device"},
    "own_link_explain": {
        "nl": "Deze code opent jouw scherm, met alle rechten. Laat hem niet op de beamer zien.",
        "en": "This code opens your screen, with all rights. Do not show it on the projector.",
    },
    "own_link_show": {"nl": "Toon de code", "en": "Show the code"},
    "own_link_hide": {"nl": "Code verbergen", "en": "Hide the code"},
    "cofacilitator_heading": {"nl": "Samen begeleiden", "en": "Run the room together"},
    "cofacilitator_explain": {
        "nl": "Geef iemand een eigen link. Die persoon kan verhalen verbergen, thema's maken "
        "en meedoen voor mensen zonder telefoon. Volgende stap, afsluiten, wissen en "
        "downloaden blijven bij jou.",
        "en": "Give someone their own link. They can hide stories, make themes and take part "
        "for people without a phone. Next step, closing, deleting and downloads stay with you.",
    },
    "cofacilitator": {"nl": "Medebegeleider", "en": "Co-facilitator"},
    "cofacilitator_label": {"nl": "Naam (mag leeg)", "en": "Name (optional)"},
    "cofacilitator_invite": {"nl": "Maak een link", "en": "Make a link"},
    "cofacilitator_link_once": {
        "nl": "Geef deze link aan je medebegeleider. Je ziet hem maar één keer.",
        "en": "Give this link to your co-facilitator. You see it only once.",
    },
    "cofacilitator_revoke": {"nl": "Link stoppen", "en": "Stop link"},
    "cofacilitator_revoked": {"nl": "gestopt", "en": "stopped"},
    "delete_heading": {"nl": "Workshop wissen", "en": "Delete workshop"},
    "delete_explain": {
        "nl": "Alles van deze workshop gaat weg: verhalen, stemmen, besluiten. "
        "Dit kan niet terug. Typ de code om te bevestigen.",
        "en": "Everything in this workshop goes: stories, votes, decisions. "
        "This cannot be undone. Type the code to confirm.",
    },
    "delete_code": {"nl": "Code van de workshop", "en": "Code of the workshop"},
    "delete_submit": {"nl": "Alles wissen", "en": "Delete everything"},
    "deleted": {"nl": "Deze workshop is gewist.", "en": "This workshop has been deleted."},
    "error_delete_code": {
        "nl": "De code klopt niet. Er is niets gewist.",
        "en": "The code is not right. Nothing was deleted.",
    },
    "reactions_label": {"nl": "Reageer zonder te typen", "en": "React without typing"},
    "reaction_recognise": {"nl": "Herken ik", "en": "I know this"},
    "reaction_affects_me": {"nl": "Raakt mij", "en": "Affects me"},
    "reaction_idea": {"nl": "Idee", "en": "Idea"},
    "written_for": {
        "nl": "opgeschreven door de begeleider",
        "en": "written down by the facilitator",
    },
    "write_for_heading": {
        "nl": "Verhaal opschrijven voor iemand",
        "en": "Write down a story for someone",
    },
    "write_for_who": {"nl": "Voor wie?", "en": "For whom?"},
    "write_for_text": {
        "nl": "Het verhaal, in de woorden van die persoon",
        "en": "The story, in that person's own words",
    },
    "write_for_submit": {"nl": "Verhaal bewaren", "en": "Save story"},
    "write_for_none": {
        "nl": "Voeg eerst iemand zonder telefoon toe (hieronder).",
        "en": "First add someone without a phone (below).",
    },
    # Privacy page
    "privacy_link": {"nl": "Wat we bewaren (privacy)", "en": "What we keep (privacy)"},
    "privacy_title": {"nl": "Privacy: wat we bewaren", "en": "Privacy: what we keep"},
    "privacy_intro": {
        "nl": "Je doet mee zonder account. We bewaren zo weinig mogelijk. Hier staat precies wat.",
        "en": "You take part without an account. We keep as little as we can. "
        "Here is exactly what.",
    },
    "privacy_kept_heading": {"nl": "Wat we bewaren", "en": "What we keep"},
    "privacy_kept": {
        "nl": "Wat je schrijft: je verhalen, je voorstellen en je antwoord "
        "(met je reden, als je die geeft).\n"
        "Je rol, bijvoorbeeld inwoner of professional. "
        "Je voornaam alleen als de workshop met namen werkt.\n"
        "Op welke thema's je stippen zet en hoe je op een thema reageert.\n"
        "Een geheime code in je browser (een cookie), zodat je dezelfde deelnemer blijft "
        "als je de pagina opnieuw opent. Wij bewaren die code alleen onherkenbaar gemaakt.",
        "en": "What you write: your stories, your proposals and your answer "
        "(with your reason, if you give one).\n"
        "Your role, for example resident or professional. "
        "Your first name only if the workshop uses names.\n"
        "Which themes you put your dots on and how you react to a theme.\n"
        "A secret code in your browser (a cookie), so you stay the same participant "
        "when you open the page again. We keep this code only in a form that cannot be read back.",
    },
    "privacy_not_kept_heading": {"nl": "Wat we niet bewaren", "en": "What we do not keep"},
    "privacy_not_kept": {
        "nl": "Geen e-mail, geen telefoonnummer, geen IP-adres en geen locatie. "
        "Geen reclame en geen tracking. De pagina haalt niets op bij andere websites.",
        "en": "No e-mail, no phone number, no IP address and no location. "
        "No adverts and no tracking. The page loads nothing from other websites.",
    },
    "privacy_who_heading": {"nl": "Wie ziet wat", "en": "Who sees what"},
    "privacy_who": {
        "nl": "Het grote scherm in de zaal toont de verhalen met de rol van de schrijver "
        "(en de voornaam als de workshop namen gebruikt). De begeleider kan verhalen verbergen. "
        "Het verslag voor de gemeente bevat verhalen, thema's, stemmen en besluiten. "
        "Namen staan er alleen in als de workshop met namen werkte.",
        "en": "The big screen in the room shows the stories with the writer's role "
        "(and first name if the workshop uses names). The facilitator can hide stories. "
        "The report for the municipality has the stories, themes, votes and decisions. "
        "Names are in it only if the workshop used names.",
    },
    "privacy_time_heading": {"nl": "Hoe lang we het bewaren", "en": "How long we keep it"},
    "privacy_time": {
        "nl": "Na het einde van de workshop bewaren we de gegevens een vaste tijd: "
        "{RETENTION_DEFAULT_MONTHS} maanden, "
        "tenzij de begeleider een andere termijn koos. "
        "Daarna halen we alle persoonlijke gegevens weg. "
        "Alleen aantallen blijven over, zoals hoeveel mensen meededen.",
        "en": "After the workshop ends we keep the data for a fixed time: "
        "{RETENTION_DEFAULT_MONTHS} months, "
        "unless the facilitator chose another period. Then we remove all personal data. "
        "Only numbers stay, such as how many people took part.",
    },
    "privacy_rights_heading": {"nl": "Wat jij kunt doen", "en": "What you can do"},
    "privacy_rights": {
        "nl": "Je kunt je eigen verhalen veranderen en weghalen zolang de workshop open is. "
        "De begeleider kan een hele workshop wissen. Heb je een vraag? Stel die aan de begeleider "
        "of aan de organisatie die de workshop houdt.",
        "en": "You can change and remove your own stories while the workshop is open. "
        "The facilitator can delete a whole workshop. Do you have a question? Ask the facilitator "
        "or the organisation that holds the workshop.",
    },
    "offline": {
        "nl": "Geen verbinding. We proberen het steeds opnieuw.",
        "en": "No connection. We keep trying.",
    },
    "your_posts": {"nl": "Wat jij schreef", "en": "What you wrote"},
    "edit": {"nl": "Aanpassen", "en": "Edit"},
    "save": {"nl": "Opslaan", "en": "Save"},
    "cancel": {"nl": "Annuleren", "en": "Cancel"},
    "withdraw": {"nl": "Weghalen", "en": "Take away"},
    "hidden_by_facilitator": {
        "nl": "De begeleider heeft dit verborgen.",
        "en": "The facilitator has hidden this.",
    },
    # Making sense together: themes
    "themes_heading": {"nl": "Thema's", "en": "Themes"},
    "ungrouped": {"nl": "Nog zonder thema", "en": "Not in a theme yet"},
    "theme_name": {"nl": "Naam van het thema", "en": "Theme name"},
    "add_theme": {"nl": "Thema maken", "en": "Make theme"},
    "rename": {"nl": "Naam wijzigen", "en": "Rename"},
    "delete_theme": {"nl": "Thema weghalen", "en": "Remove theme"},
    "merge_into": {"nl": "Samenvoegen met", "en": "Merge into"},
    "merge": {"nl": "Samenvoegen", "en": "Merge"},
    "split": {
        "nl": "Gekozen kaarten apart zetten als nieuw thema",
        "en": "Split chosen cards into a new theme",
    },
    "move_to": {"nl": "Thema van deze kaart", "en": "Theme of this card"},
    "drag_hint": {
        "nl": "Sleep een kaart naar een thema, of kies het thema bij de kaart.",
        "en": "Drag a card onto a theme, or choose the theme on the card.",
    },
    "suggest_button": {"nl": "Stel thema's voor", "en": "Suggest themes"},
    "suggestion_heading": {"nl": "Voorstel voor thema's", "en": "Suggested themes"},
    "suggestion_intro": {
        "nl": "Pas de namen aan als dat beter past. "
        "Er verandert niets tot je het voorstel overneemt.",
        "en": "Change the names where you like. Nothing changes until you accept.",
    },
    "suggestion_by_words": {
        "nl": "Het taalmodel werkt nu niet. Dit voorstel kijkt alleen naar dezelfde woorden.",
        "en": "The language model is not working now. This suggestion only looks at shared words.",
    },
    "suggestion_example": {
        "nl": "Dit verhaal laat het thema goed zien",
        "en": "This story shows the theme well",
    },
    "suggestion_other": {
        "nl": "Deze verhalen passen bij geen enkel thema. Zet ze zelf ergens bij.",
        "en": "These stories fit no theme. Place them yourself.",
    },
    "accept_all": {"nl": "Voorstel overnemen", "en": "Accept suggestion"},
    "discard": {"nl": "Voorstel weggooien", "en": "Discard suggestion"},
    "nothing_to_suggest": {
        "nl": "Alle kaarten hebben al een thema.",
        "en": "Every card already has a theme.",
    },
    "participant_proposals": {
        "nl": "Voorstellen van deelnemers",
        "en": "Proposals from participants",
    },
    "accept": {"nl": "Overnemen", "en": "Accept"},
    "decline": {"nl": "Niet overnemen", "en": "Decline"},
    "proposes_theme": {"nl": "past volgens de schrijver bij:", "en": "the author thinks it fits:"},
    "themes_forming": {"nl": "Deze thema's ontstaan nu", "en": "These themes are forming now"},
    "cards_in_theme": {"nl": "kaarten", "en": "cards"},
    "suggest_for_card": {"nl": "Bij welk thema past dit?", "en": "Which theme does this fit?"},
    "choose_theme": {"nl": "Kies…", "en": "Choose…"},
    "suggest_send": {"nl": "Voorstellen", "en": "Propose"},
    "suggestion_sent": {"nl": "Je voorstel is verstuurd.", "en": "Your proposal was sent."},
    # Dot voting
    "vote_heading": {"nl": "Stemmen met stippen", "en": "Dot voting"},
    "dots_per_person": {"nl": "Stippen per persoon", "en": "Dots per person"},
    "max_per_item": {"nl": "Hoogstens per onderwerp", "en": "At most per item"},
    "open_round": {"nl": "Stemronde openen", "en": "Open voting"},
    "close_round": {"nl": "Stemronde sluiten", "en": "Close voting"},
    "reveal": {"nl": "Uitslag tonen", "en": "Show results"},
    "round_open": {"nl": "Er wordt gestemd.", "en": "Voting is open."},
    "round_closed": {"nl": "Het stemmen is klaar.", "en": "Voting is closed."},
    "voters_count": {"nl": "mensen hebben gestemd", "en": "people have voted"},
    "results_hidden": {
        "nl": "De uitslag blijft verborgen tot de begeleider hem laat zien.",
        "en": "The results stay hidden until the facilitator shows them.",
    },
    "results_heading": {"nl": "Uitslag", "en": "Results"},
    "by_role_heading": {"nl": "Stippen per rol", "en": "Dots per role"},
    "role_merged": {"nl": "Andere rollen samen", "en": "Other roles together"},
    "split_merged": {
        "nl": "Andere rollen samen: minder dan {k} mensen per rol ({roles}). "
        "Zo is niemand herkenbaar.",
        "en": "Other roles together: fewer than {k} people per role ({roles}). "
        "That way nobody can be recognised.",
    },
    "split_withheld": {
        "nl": "Niet per rol getoond, zodat niemand herkenbaar is. "
        "Minder dan {k} mensen per rol: {roles}.",
        "en": "Not shown per role, so nobody can be recognised. "
        "Fewer than {k} people per role: {roles}.",
    },
    "smallest_group_label": {
        "nl": "Per rol tonen vanaf hoeveel mensen?",
        "en": "Show a role on its own from how many people?",
    },
    "smallest_group_help": {
        "nl": "Een rol met minder mensen in een ronde telt mee bij 'Andere rollen samen'. "
        "Zo ziet niemand wat één werkgever of ambtenaar koos.",
        "en": "A role with fewer people in a round counts in 'Other roles together'. "
        "That way nobody sees what one employer or civil servant chose.",
    },
    "dots": {"nl": "stippen", "en": "dots"},
    "secret_ballot": {
        "nl": "Iedereen heeft evenveel stippen. Niemand ziet wie waarop stemde.",
        "en": "Everyone has the same number of dots. Nobody sees who voted for what.",
    },
    "paper_heading": {"nl": "Meedoen zonder telefoon", "en": "Taking part without a phone"},
    "paper_add": {"nl": "Deelnemer op papier toevoegen", "en": "Add a paper participant"},
    "paper_name": {"nl": "Naam (mag leeg)", "en": "Name (may be empty)"},
    "vote_for": {"nl": "Stippen zetten namens", "en": "Place dots for"},
    "vote_for_submit": {"nl": "Stippen zetten", "en": "Place dots"},
    "vote_now": {
        "nl": "Verdeel je stippen over wat jij het belangrijkst vindt.",
        "en": "Spread your dots over what matters most to you.",
    },
    "dots_left": {"nl": "Stippen over", "en": "Dots left"},
    "add_dot": {"nl": "Stip erbij", "en": "Add dot"},
    "remove_dot": {"nl": "Stip eraf", "en": "Remove dot"},
    "your_dots": {"nl": "van jou", "en": "yours"},
    "wait_results": {
        "nl": "Dank je! De uitslag komt op het grote scherm.",
        "en": "Thank you! The results will be on the big screen.",
    },
    # Voice balance
    "balance_heading": {"nl": "Wie doen er mee?", "en": "Whose voice is here?"},
    "balance_joined": {"nl": "binnen", "en": "joined"},
    "balance_posted": {"nl": "schreven", "en": "posted"},
    "balance_voted": {"nl": "stemden", "en": "voted"},
    # Dialogue and the decision log
    "outcome_adopted": {"nl": "Aangenomen", "en": "Adopted"},
    "outcome_adopted_with_changes": {
        "nl": "Aangenomen met wijzigingen",
        "en": "Adopted with changes",
    },
    "outcome_not_adopted": {"nl": "Niet aangenomen", "en": "Not adopted"},
    "outcome_needs_more_work": {"nl": "Moet verder uitgewerkt worden", "en": "Needs more work"},
    "answer_agree": {"nl": "Eens", "en": "Agree"},
    "answer_live_with": {"nl": "Kan ermee leven", "en": "Can live with it"},
    "answer_object": {"nl": "Bezwaar", "en": "Object"},
    "log_title": {"nl": "Besluitenlog", "en": "Decision log"},
    "log_question": {"nl": "Centrale vraag", "en": "Central question"},
    "log_date": {"nl": "Datum", "en": "Date"},
    "log_code": {"nl": "Workshopcode", "en": "Workshop code"},
    "log_contents": {"nl": "Inhoud", "en": "Contents"},
    "log_process": {"nl": "Hoe de workshop verliep", "en": "How the workshop went"},
    "log_stage_times": {"nl": "Stappen en tijden", "en": "Steps and times"},
    "log_voting_rules": {
        "nl": "Stemmen met stippen: iedereen had evenveel stippen, ook wie op papier meedeed. "
        "Niemand zag wie waarop stemde. "
        "De uitslag bleef verborgen tot de begeleider hem liet zien.",
        "en": "Dot voting: everyone had the same number of dots, paper participants too. "
        "Nobody saw who voted for what. Results stayed hidden until the facilitator showed them.",
    },
    "log_round": {"nl": "Stemronde", "en": "Voting round"},
    "log_participation": {"nl": "Wie deden mee", "en": "Who took part"},
    "log_names": {"nl": "Namen", "en": "Names"},
    "log_insights": {"nl": "Verhalen per thema", "en": "Stories by theme"},
    "log_hidden": {
        "nl": "verhalen zijn door de begeleider verborgen en staan niet in dit log.",
        "en": "stories were hidden by the facilitator and are not in this log.",
    },
    "log_waiting": {
        "nl": "verhalen wachtten nog op de begeleider toen de workshop sloot. "
        "Ze zijn nooit getoond en staan niet in dit log.",
        "en": "stories were still waiting for the facilitator when the workshop closed. "
        "They were never shown and are not in this log.",
    },
    "log_votes": {"nl": "Uitslag van het stemmen", "en": "Voting results"},
    "log_chart_top": {
        "nl": "De {n} onderwerpen met de meeste stippen. Alle uitslagen staan in de tabel.",
        "en": "The {n} items with the most dots. All results are in the table.",
    },
    "log_no_votes": {"nl": "Er is niet gestemd.", "en": "There was no vote."},
    "log_proposals": {"nl": "Voorstellen en besluiten", "en": "Proposals and decisions"},
    "log_no_proposals": {"nl": "Er zijn geen voorstellen.", "en": "There are no proposals."},
    "log_consent": {"nl": "Instemming", "en": "Consent"},
    "log_objections": {"nl": "Bezwaren", "en": "Objections"},
    "log_decision": {"nl": "Besluit", "en": "Decision"},
    "log_rationale": {"nl": "Waarom", "en": "Why"},
    "log_actions": {"nl": "Acties", "en": "Actions"},
    "log_action_what": {"nl": "Wat", "en": "What"},
    "log_action_owner": {"nl": "Wie", "en": "Who"},
    "log_action_due": {"nl": "Wanneer klaar", "en": "Due"},
    "log_addendum": {"nl": "Vervolg na de workshop", "en": "Follow-up after the workshop"},
    "log_addendum_intro": {
        "nl": "Wat er met de acties gebeurde. Dit vervolg is bijgewerkt op",
        "en": "What happened with the actions. This follow-up was brought up to date on",
    },
    "log_no_followups": {"nl": "Nog niets bijgewerkt.", "en": "Nothing updated yet."},
    "log_addendum_digest": {
        "nl": "Controlecode van het vervolg",
        "en": "Check code of the follow-up",
    },
    "log_addendum_digest_help": {
        "nl": "Deze code hoort bij dit vervolg en bij de controlecode van het verslag hierboven. "
        "De controlecode van het verslag zelf blijft gelden voor het verslag zonder vervolg.",
        "en": "This code belongs to this follow-up and to the check code of the log above. "
        "The log's own check code still holds for the log without the follow-up.",
    },
    "status_planned": {"nl": "Gepland", "en": "Planned"},
    "status_in_progress": {"nl": "Bezig", "en": "In progress"},
    "status_done": {"nl": "Klaar", "en": "Done"},
    "status_dropped": {"nl": "Gestopt", "en": "Dropped"},
    "log_no_actions": {"nl": "Er zijn geen acties.", "en": "There are no actions."},
    "log_no_insights": {"nl": "Er zijn geen verhalen.", "en": "There are no stories."},
    "log_digest": {"nl": "Controlecode (SHA-256)", "en": "Check code (SHA-256)"},
    "log_digest_help": {
        "nl": "Met deze code kun je controleren dat het log niet is veranderd: "
        "python -m livinglab verify log.json --digest CODE",
        "en": "This code lets you check the log was not changed: "
        "python -m livinglab verify log.json --digest CODE",
    },
    "log_page": {"nl": "Pagina", "en": "Page"},
    "log_for_theme": {"nl": "Thema", "en": "Theme"},
    "log_from_phone": {"nl": "voorgesteld door een deelnemer", "en": "proposed by a participant"},
    "log_count": {"nl": "Aantal", "en": "Count"},
    "log_total": {"nl": "Totaal", "en": "Total"},
    "proposals_heading": {"nl": "Voorstellen", "en": "Proposals"},
    "proposal_text": {"nl": "Wat moet er veranderen?", "en": "What should change?"},
    "add_proposal": {"nl": "Voorstel toevoegen", "en": "Add proposal"},
    "send_proposal": {"nl": "Voorstel sturen", "en": "Send proposal"},
    "proposal_sent": {
        "nl": "Je voorstel is verstuurd. De begeleider zet het op het bord.",
        "en": "Your proposal was sent. The facilitator puts it on the board.",
    },
    "theme_optional": {"nl": "Bij thema", "en": "For theme"},
    "whole_workshop": {"nl": "Geen thema", "en": "No theme"},
    "ask_consent": {"nl": "Vraag om instemming", "en": "Ask for consent"},
    "consent_question": {
        "nl": "Kun je leven met dit voorstel?",
        "en": "Can you live with this proposal?",
    },
    "close_consent": {"nl": "Vragen stoppen", "en": "Stop asking"},
    "answered_count": {"nl": "mensen hebben geantwoord", "en": "people have answered"},
    "reason_label": {"nl": "Waarom? (mag leeg)", "en": "Why? (may be empty)"},
    "answer_submit": {"nl": "Antwoord sturen", "en": "Send answer"},
    "your_answer": {"nl": "Jouw antwoord", "en": "Your answer"},
    "outcome_label": {"nl": "Uitkomst", "en": "Outcome"},
    "rationale_label": {"nl": "Uitleg van het besluit", "en": "Why this decision"},
    "save_decision": {"nl": "Besluit vastleggen", "en": "Record decision"},
    "add_action": {"nl": "Actie toevoegen", "en": "Add action"},
    "export_heading": {"nl": "Besluitenlog downloaden", "en": "Download the decision log"},
    "exporting": {"nl": "Bezig met maken…", "en": "Making it…"},
    "records_key": {"nl": "Toegangscode van de organisatie", "en": "Organisation access key"},
    "records_title": {
        "nl": "Besluitenlogs van afgesloten workshops",
        "en": "Decision logs of closed workshops",
    },
    "records_intro": {
        "nl": (
            "Hier vindt u het verslag van elke afgesloten workshop. "
            "Lees het hier, als PDF, of als JSON of CSV voor andere systemen."
        ),
        "en": (
            "Here you find the record of every closed workshop. "
            "Read it here, as PDF, or as JSON or CSV for other systems."
        ),
    },
    "records_none": {
        "nl": "Er zijn nog geen afgesloten workshops.",
        "en": "There are no closed workshops yet.",
    },
    "records_open": {"nl": "Openen", "en": "Open"},
    "records_files": {"nl": "Downloaden", "en": "Download"},
    "records_back": {"nl": "Alle besluitenlogs", "en": "All decision logs"},
    "records_on_page": {"nl": "Op deze pagina", "en": "On this page"},
    "records_all": {"nl": "Alle workshops", "en": "All workshops"},
    "search_heading": {"nl": "Zoeken in alle workshops", "en": "Search all workshops"},
    "search_label": {"nl": "Waar zoekt u naar?", "en": "What are you looking for?"},
    "search_submit": {"nl": "Zoeken", "en": "Search"},
    "search_filters": {"nl": "Filters", "en": "Filters"},
    "search_since": {"nl": "Vanaf datum", "en": "From date"},
    "search_until": {"nl": "Tot en met datum", "en": "Up to and including date"},
    "search_outcome": {"nl": "Uitkomst van een besluit", "en": "Outcome of a decision"},
    "search_status": {"nl": "Stand van een actie", "en": "Status of an action"},
    "search_any": {"nl": "Alles", "en": "Any"},
    "search_count": {
        "nl": "{n} resultaten voor “{query}”",
        "en": "{n} results for “{query}”",
    },
    "search_count_one": {"nl": "1 resultaat voor “{query}”", "en": "1 result for “{query}”"},
    "search_more": {
        "nl": "Er zijn meer dan {SEARCH_HITS_SHOWN} resultaten. Maak uw zoekvraag preciezer.",
        "en": "More than {SEARCH_HITS_SHOWN} results. Make your search more precise.",
    },
    "search_none": {
        "nl": "Niets gevonden voor “{query}”. Probeer een ander woord of minder filters.",
        "en": "Nothing found for “{query}”. Try another word or fewer filters.",
    },
    "kind_story": {"nl": "Verhaal", "en": "Story"},
    "kind_theme": {"nl": "Thema", "en": "Theme"},
    "kind_proposal": {"nl": "Voorstel", "en": "Proposal"},
    "kind_decision": {"nl": "Besluit", "en": "Decision"},
    "kind_action": {"nl": "Actie", "en": "Action"},
    "kind_followup": {"nl": "Vervolg", "en": "Follow-up"},
    "open_actions_heading": {"nl": "Acties die nog open staan", "en": "Actions still open"},
    "open_actions_caption": {
        "nl": "Acties uit alle workshops die nog niet klaar of gestopt zijn. "
        "Te laat staat bovenaan.",
        "en": "Actions from all workshops that are not done or dropped yet. Overdue comes first.",
    },
    "open_actions_none": {"nl": "Er staan geen acties open.", "en": "No actions are open."},
    "open_actions_status": {"nl": "Stand", "en": "Status"},
    "open_actions_workshop": {"nl": "Workshop", "en": "Workshop"},
    "overdue": {"nl": "Te laat", "en": "Overdue"},
    "calendar_link": {"nl": "Zet in uw agenda", "en": "Add to your calendar"},
    "calendar_for_people": {
        "nl": "Een agenda-link is persoonlijk. Maak hieronder een toegangslink voor uzelf; "
        "daarmee krijgt u er een.",
        "en": "A calendar link is personal. Make an access link for yourself below; "
        "with it you get one.",
    },
    "calendar_help": {
        "nl": "Uw agenda haalt dan zelf de datums op waarop acties klaar moeten zijn. "
        "Deel deze link niet: hij werkt met uw toegang.",
        "en": "Your calendar then fetches the dates when actions are due by itself. "
        "Do not share this link: it works with your access.",
    },
    "recurring_heading": {"nl": "Thema's die terugkomen", "en": "Themes that came back"},
    "recurring_intro": {
        "nl": "Thema's met hetzelfde woord in meer dan één workshop.",
        "en": "Themes with the same word in more than one workshop.",
    },
    "recurring_none": {
        "nl": "Nog geen thema komt terug in meer workshops.",
        "en": "No theme has come back in more workshops yet.",
    },
    "log_stage": {"nl": "Stap", "en": "Step"},
    "followup_status": {"nl": "Hoe staat het ervoor?", "en": "Where does it stand?"},
    "followup_note": {
        "nl": "Wat is er gebeurd? (iedereen met de link van de workshop leest dit)",
        "en": "What happened? (everyone with the workshop's link reads this)",
    },
    "followup_save": {"nl": "Bijwerken", "en": "Update"},
    "access_heading": {"nl": "Wie mag meelezen", "en": "Who may read along"},
    "access_intro": {
        "nl": "Maak voor elke collega een eigen link. U kunt een link altijd intrekken.",
        "en": "Make a link of their own for each colleague. You can take a link back at any time.",
    },
    "access_name": {"nl": "Naam", "en": "Name"},
    "access_level": {"nl": "Wat mag deze persoon?", "en": "What may this person do?"},
    "access_read": {"nl": "Lezen", "en": "Read"},
    "access_update": {"nl": "Lezen en acties bijwerken", "en": "Read and update actions"},
    "access_make": {"nl": "Link maken", "en": "Make a link"},
    "access_link_once": {
        "nl": "Stuur deze link naar de persoon. U ziet hem maar één keer.",
        "en": "Send this link to the person. You see it only once.",
    },
    "access_revoke": {"nl": "Intrekken", "en": "Take back"},
    "access_revoked": {"nl": "ingetrokken", "en": "taken back"},
    "you_said_heading": {"nl": "Jullie zeiden, wij doen", "en": "You said, we did"},
    "no_decisions": {"nl": "Er zijn nog geen besluiten.", "en": "There are no decisions yet."},
    # Refusals
    "error_generic": {
        "nl": "Dat lukte niet. Probeer het opnieuw.",
        "en": "That did not work. Please try again.",
    },
    "error_code_unknown": {
        "nl": "Deze code kennen we niet. Kijk nog eens goed.",
        "en": "We do not know this code. Please check it.",
    },
    "error_demo_refused": {
        "nl": "Hier staan al echte workshops. De voorbeeldworkshops komen er niet bij.",
        "en": "There are real workshops here already. The sample workshops are not added.",
    },
    "error_workshop_closed": {
        "nl": "Deze workshop is al afgesloten.",
        "en": "This workshop is closed.",
    },
    "error_not_facilitator": {
        "nl": "Alleen de begeleider mag dit doen.",
        "en": "Only the facilitator can do this.",
    },
    "error_records_key": {
        "nl": "Deze toegangscode klopt niet. Probeer het nog eens.",
        "en": "This access key is not right. Please try again.",
    },
    "error_access_revoked": {
        "nl": "Deze link is ingetrokken. Vraag een nieuwe aan wie je uitnodigde.",
        "en": "This link was taken back. Ask whoever invited you for a new one.",
    },
    "error_access_read_only": {
        "nl": "Je mag alleen lezen. Vraag om een link waarmee je ook mag bijwerken.",
        "en": "You may only read. Ask for a link that also lets you update.",
    },
    "error_reader_not_found": {
        "nl": "Deze persoon staat niet (meer) in de lijst.",
        "en": "This person is not on the list (any more).",
    },
    "error_access_level": {
        "nl": "Kies: alleen lezen, of lezen en bijwerken.",
        "en": "Choose: read only, or read and update.",
    },
    "error_action_not_found": {
        "nl": "Deze actie bestaat niet (meer).",
        "en": "This action does not exist (any more).",
    },
    "error_action_status": {
        "nl": "Kies een stand: gepland, bezig, klaar of gestopt.",
        "en": "Choose a status: planned, in progress, done or dropped.",
    },
    "error_not_closed_yet": {
        "nl": "Deze workshop is nog niet afgesloten.",
        "en": "This workshop is not closed yet.",
    },
    "error_records_off": {
        "nl": "Deze pagina staat uit. Vraag de beheerder om een toegangscode in te stellen.",
        "en": "This page is switched off. Ask the administrator to set an access key.",
    },
    "error_not_participant": {
        "nl": "Je doet nog niet mee. Doe eerst mee met de code.",
        "en": "You have not joined yet. Join with the code first.",
    },
    "error_not_your_insight": {
        "nl": "Je kunt alleen je eigen berichten aanpassen.",
        "en": "You can only change your own posts.",
    },
    "error_insight_not_found": {
        "nl": "Dit bericht bestaat niet meer.",
        "en": "This post no longer exists.",
    },
    "error_wrong_stage": {
        "nl": "Dat kan nu niet, in deze stap.",
        "en": "You cannot do that in this step.",
    },
    "error_text_empty": {"nl": "Schrijf eerst iets.", "en": "Please write something first."},
    "error_text_too_long": {
        "nl": "Je tekst is te lang. Maak hem korter.",
        "en": "Your text is too long. Please make it shorter.",
    },
    "error_projector_focus": {
        "nl": "Dat kan het beamerscherm niet laten zien. Kies een van de opties.",
        "en": "The projector cannot show that. Please pick one of the options.",
    },
    "error_invalid_choice": {
        "nl": "Kies een van de opties.",
        "en": "Please pick one of the options.",
    },
    "error_theme_not_found": {
        "nl": "Dit thema bestaat niet (meer).",
        "en": "This theme no longer exists.",
    },
    "error_merge_into_itself": {
        "nl": "Een thema kan niet met zichzelf samen. Kies een ander thema.",
        "en": "A theme cannot merge with itself. Choose another theme.",
    },
    "error_no_open_round": {
        "nl": "Er is nu geen stemronde open.",
        "en": "No voting round is open now.",
    },
    "error_round_already_open": {
        "nl": "Er is al een stemronde open. Sluit die eerst.",
        "en": "A voting round is already open. Close it first.",
    },
    "error_nothing_to_vote_on": {
        "nl": "Er is nog niets om op te stemmen.",
        "en": "There is nothing to vote on yet.",
    },
    "error_vote_budget": {"nl": "Je stippen zijn op.", "en": "You have no dots left."},
    "error_item_cap": {
        "nl": "Hier mogen niet meer stippen van jou op. Kies iets anders.",
        "en": "You cannot put more dots here. Choose something else.",
    },
    "error_not_a_vote_item": {
        "nl": "Daar kun je in deze ronde niet op stemmen.",
        "en": "You cannot vote on that in this round.",
    },
    "error_results_hidden": {
        "nl": "De uitslag is nog verborgen.",
        "en": "The results are still hidden.",
    },
    "error_proposal_not_found": {
        "nl": "Dit voorstel bestaat niet.",
        "en": "This proposal does not exist.",
    },
    "error_no_open_consent": {
        "nl": "Er wordt nu niet om instemming gevraagd.",
        "en": "No consent round is open.",
    },
    "error_bad_date": {
        "nl": "Schrijf de datum zo: 2026-12-31.",
        "en": "Write the date like this: 2026-12-31.",
    },
    "error_date_range": {
        "nl": "De einddatum ligt voor de begindatum. Kies een einddatum op of na de begindatum.",
        "en": "The end date is before the start date. Choose an end date on or after the start.",
    },
    "error_too_many_stories": {
        "nl": "Je hebt al {STORIES_PER_PERSON} verhalen gestuurd. Dat is het meeste dat kan.",
        "en": "You have sent {STORIES_PER_PERSON} stories. That is the most you can send.",
    },
    "error_too_fast": {
        "nl": "Even wachten: je kunt zo weer een verhaal sturen.",
        "en": "Wait a moment: you can send another story soon.",
    },
    "error_join_waits": {
        "nl": "Er melden zich nu veel mensen tegelijk aan. Je telefoon probeert het over "
        "{JOIN_RETRY_SECONDS} seconden zelf opnieuw: je hoeft niets te doen.",
        "en": "Many people are joining at the same moment. Your phone tries again by itself "
        "in {JOIN_RETRY_SECONDS} seconds: you don't need to do anything.",
    },
    "error_people_in_room": {
        "nl": "Vul een heel getal in van 1 tot {PEOPLE_IN_ROOM_MAX}, of laat het leeg.",
        "en": "Enter a whole number from 1 to {PEOPLE_IN_ROOM_MAX}, or leave it empty.",
    },
    "error_too_many_attempts": {
        "nl": "Te veel pogingen. Wacht een minuut en probeer het opnieuw.",
        "en": "Too many tries. Wait a minute and try again.",
    },
    # Retention: personal data is removed some months after the workshop closed
    "error_smallest_group": {
        "nl": "Kies een getal van {SMALLEST_GROUP_MIN} tot {SMALLEST_GROUP_MAX}.",
        "en": "Choose a number from {SMALLEST_GROUP_MIN} to {SMALLEST_GROUP_MAX}.",
    },
    "error_retention_months": {
        "nl": "Kies hoe lang we de gegevens bewaren: "
        "{RETENTION_MIN_MONTHS} tot {RETENTION_MAX_MONTHS} maanden.",
        "en": "Choose how long we keep the data: "
        "{RETENTION_MIN_MONTHS} to {RETENTION_MAX_MONTHS} months.",
    },
    "log_purged": {
        "nl": "De persoonlijke gegevens zijn verwijderd op {date}. "
        "Dit verslag laat nu alleen aantallen zien.",
        "en": "The personal data was removed on {date}. This log now shows only numbers.",
    },
    "log_story_count": {"nl": "Aantal verhalen: {n}", "en": "Number of stories: {n}"},
    "log_removed": {"nl": "(verwijderd)", "en": "(removed)"},
    # Corrections after closing: every change is a new version of the record, with a reason
    "error_reason_required": {
        "nl": "Schrijf waarom je dit verandert. De reden komt in het verslag.",
        "en": "Write why you change this. The reason goes into the record.",
    },
    "error_nothing_to_correct": {
        "nl": "Dit is al zo. Er is niets veranderd.",
        "en": "This is already so. Nothing was changed.",
    },
    "error_bad_correction": {
        "nl": "Deze verandering kan niet in een gesloten verslag.",
        "en": "This change is not possible in a closed record.",
    },
    "error_erasure_request_not_found": {
        "nl": "Dit verzoek bestaat niet meer. Laad de pagina opnieuw.",
        "en": "This request no longer exists. Load the page again.",
    },
    "error_nothing_to_erase": {
        "nl": "Er zijn geen verhalen van jou om weg te halen.",
        "en": "There are no stories of yours to remove.",
    },
    "log_version": {
        "nl": "Versie {n} van het verslag · gemaakt {date}",
        "en": "Version {n} of the record · made {date}",
    },
    "log_corrections": {"nl": "Correcties", "en": "Corrections"},
    "log_corrections_link": {"nl": "Correcties bekijken", "en": "See the corrections"},
    "log_corrections_help": {
        "nl": "Na het sluiten is het verslag alleen zo veranderd. "
        "Elke verandering is een nieuwe versie met een eigen controlecode.",
        "en": "After closing, the record was changed only like this. "
        "Every change is a new version with its own check code.",
    },
    "correction_version": {"nl": "Versie {n}", "en": "Version {n}"},
    "correction_reason_label": {"nl": "Reden", "en": "Reason"},
    "correction_what": {"nl": "Wat is veranderd", "en": "What changed"},
    "correction_by": {"nl": "Door", "en": "By"},
    "correction_hide_story_one": {"nl": "1 verhaal verborgen", "en": "1 story hidden"},
    "correction_hide_story": {"nl": "{n} verhalen verborgen", "en": "{n} stories hidden"},
    "correction_show_story_one": {"nl": "1 verhaal weer getoond", "en": "1 story shown again"},
    "correction_show_story": {"nl": "{n} verhalen weer getoond", "en": "{n} stories shown again"},
    "correction_erasure_one": {
        "nl": "1 verhaal verwijderd op verzoek (AVG)",
        "en": "1 story removed on request (GDPR)",
    },
    "correction_erasure": {
        "nl": "{n} verhalen verwijderd op verzoek (AVG)",
        "en": "{n} stories removed on request (GDPR)",
    },
    "correction_smallest_group": {
        "nl": "kleinste groep van {before} naar {after}",
        "en": "smallest group from {before} to {after}",
    },
    "correction_closed": {"nl": "opnieuw gesloten", "en": "closed again"},
    "correction_purge": {
        "nl": "bewaartermijn voorbij: teksten verwijderd",
        "en": "retention period over: texts removed",
    },
    "made_by_facilitator": {"nl": "de begeleider", "en": "the facilitator"},
    "made_by_cofacilitator": {"nl": "een mede-begeleider", "en": "a co-facilitator"},
    "made_by_organisation": {"nl": "de organisatie", "en": "the organisation"},
    "made_by_records_reader": {"nl": "{name} (verslagen)", "en": "{name} (records)"},
    "made_by_retention": {"nl": "automatisch (bewaartermijn)", "en": "automatic (retention)"},
    "made_by_upgrade": {"nl": "automatisch (update)", "en": "automatic (update)"},
    "correction_hide_open": {"nl": "Verbergen…", "en": "Hide…"},
    "correction_show_open": {"nl": "Weer tonen…", "en": "Show again…"},
    "correction_hide_save": {"nl": "Verbergen met deze reden", "en": "Hide with this reason"},
    "correction_show_save": {
        "nl": "Weer tonen met deze reden",
        "en": "Show again with this reason",
    },
    "correction_reason_help": {
        "nl": "De workshop is gesloten. Deze verandering wordt een nieuwe versie van het "
        "verslag. De reden komt erin.",
        "en": "The workshop is closed. This change becomes a new version of the record. "
        "Your reason goes into it.",
    },
    "correction_hidden_note": {
        "nl": "Een verborgen verhaal staat niet in het verslag. Weer tonen kan alleen "
        "op het bedieningsscherm van de workshop.",
        "en": "A hidden story is not in the record. Only the workshop's facilitator "
        "console can show it again.",
    },
    "correction_group_heading": {
        "nl": "Kleinste groep veranderen",
        "en": "Change the smallest group",
    },
    "correction_group_save": {"nl": "Veranderen met deze reden", "en": "Change with this reason"},
    "records_chain": {"nl": "Alle versies (JSON)", "en": "All versions (JSON)"},
    "erasure_heading": {
        "nl": "Verzoeken om verhalen te verwijderen ({n})",
        "en": "Requests to remove stories ({n})",
    },
    "erasure_intro": {
        "nl": "Iemand die meedeed vraagt om de eigen verhalen weg te halen (AVG). "
        "Voert u het verzoek uit, dan krijgt het verslag een nieuwe versie zonder die verhalen.",
        "en": "Someone who took part asks for their own stories to be removed (GDPR). "
        "When you grant it, the record gets a new version without those stories.",
    },
    "erasure_nav": {"nl": "Verzoeken om te verwijderen", "en": "Requests to remove"},
    "erasure_none": {"nl": "Er wachten geen verzoeken.", "en": "No requests are waiting."},
    "erasure_asked_on": {"nl": "Gevraagd op {date}", "en": "Asked on {date}"},
    "erasure_stories": {"nl": "Aantal verhalen: {n}", "en": "Number of stories: {n}"},
    "erasure_grant": {"nl": "Verhalen verwijderen", "en": "Remove the stories"},
    "erasure_request": {"nl": "Mijn verhalen laten weghalen", "en": "Have my stories removed"},
    "erasure_explain": {
        "nl": "Wil je niet meer dat je verhalen in het verslag staan? Vraag of we ze weghalen.",
        "en": "Do you no longer want your stories in the record? Ask us to remove them.",
    },
    "erasure_confirm_question": {
        "nl": "Weet je het zeker? Je kunt dit zelf niet terugdraaien. De organisatie haalt "
        "al je verhalen weg en maakt een nieuwe versie van het verslag.",
        "en": "Are you sure? You cannot undo this yourself. The organisation removes all "
        "your stories and makes a new version of the record.",
    },
    "erasure_confirm": {"nl": "Ja, vraag het aan", "en": "Yes, ask for it"},
    "erasure_waiting": {
        "nl": "Je verzoek is verstuurd. De organisatie haalt je verhalen weg.",
        "en": "Your request has been sent. The organisation will remove your stories.",
    },
    "erasure_granted": {
        "nl": "Je verhalen zijn weggehaald. Dank je wel dat je meedeed.",
        "en": "Your stories have been removed. Thank you for taking part.",
    },
    # Members who sign in (livinglab/organisation): refusals.
    "error_sign_in_required": {
        "nl": "Log eerst in. Alleen mensen van de organisatie kunnen dit.",
        "en": "Please sign in first. Only people of the organisation can do this.",
    },
    "error_role_required": {
        "nl": "Dat mag je niet met jouw rol. Vraag een beheerder om een andere rol.",
        "en": "Your role does not allow this. Ask an admin for another role.",
    },
    "error_invite_invalid": {
        "nl": "Deze uitnodiging werkt niet meer: hij is al gebruikt of verlopen. "
        "Vraag een beheerder om een nieuwe.",
        "en": "This invitation no longer works: it was used already or it expired. "
        "Ask an admin for a new one.",
    },
    "error_member_not_found": {
        "nl": "Deze persoon staat niet in de lijst.",
        "en": "This person is not on the list.",
    },
    "error_last_admin": {
        "nl": "Er moet altijd één beheerder zijn. Maak eerst iemand anders beheerder.",
        "en": "There must always be one admin. Make someone else admin first.",
    },
    "error_bad_role": {
        "nl": "Kies minstens één geldige rol.",
        "en": "Choose at least one valid role.",
    },
    "error_sign_in_failed": {
        "nl": "Inloggen is niet gelukt. Probeer het opnieuw.",
        "en": "Signing in did not work. Please try again.",
    },
    "error_too_many_sign_ins": {
        "nl": "Te veel mislukte pogingen. Wacht een kwartier en probeer het dan opnieuw.",
        "en": "Too many failed attempts. Wait a quarter of an hour, then try again.",
    },
    "error_not_a_colleague": {
        "nl": "Kies een collega die workshops mag leiden.",
        "en": "Choose a colleague who may run workshops.",
    },
    # --- Signing in and out: pages and buttons (web/auth.py, oidc_routes.py) ---
    # (keys of the sign-in helper go below this line)
    "sign_in_refused_title": {
        "nl": "Inloggen lukt niet",
        "en": "You cannot sign in",
    },
    "sign_in_no_role": {
        "nl": "Je organisatie kent je, maar je hebt nog geen rol in livinglab. "
        "Vraag een beheerder om je een rol te geven. Daarna kun je inloggen.",
        "en": "Your organisation knows you, but you do not have a role in livinglab yet. "
        "Ask an admin to give you a role. Then you can sign in.",
    },
    "sign_in_provider_down": {
        "nl": "De inlogdienst van je organisatie reageert nu niet. Probeer het later opnieuw.",
        "en": "The sign-in service of your organisation does not answer now. "
        "Please try again later.",
    },
    "sign_in_try_again": {
        "nl": "Opnieuw inloggen",
        "en": "Sign in again",
    },
    "sign_in_to_start": {
        "nl": "Naar de startpagina",
        "en": "Go to the start page",
    },
    "sign_out_refused": {
        "nl": "Uitloggen kan alleen met de knop Uitloggen in livinglab.",
        "en": "You can only sign out with the Sign out button in livinglab.",
    },
    # --- Passkeys: adding one, signing in with one (passkey_routes.py) ---
    # (keys of the passkey helper go below this line)
    "passkey_title_welcome": {"nl": "Welkom — livinglab", "en": "Welcome — livinglab"},
    "passkey_title_sign_in": {"nl": "Inloggen — livinglab", "en": "Sign in — livinglab"},
    "passkey_welcome_heading": {"nl": "Welkom bij livinglab", "en": "Welcome to livinglab"},
    "passkey_first_admin": {
        "nl": "Je wordt de eerste beheerder. Daarna nodig je zelf collega's uit.",
        "en": "You become the first admin. Then you invite your colleagues yourself.",
    },
    "passkey_invited_by": {"nl": "Uitgenodigd door", "en": "Invited by"},
    "passkey_your_roles": {"nl": "Je rol", "en": "Your role"},
    "passkey_new_device": {
        "nl": "Je voegt een passkey toe op dit apparaat voor je account:",
        "en": "You are adding a passkey on this device for your account:",
    },
    "passkey_member_role_admin": {"nl": "beheerder", "en": "admin"},
    "passkey_member_role_facilitator": {"nl": "begeleider", "en": "facilitator"},
    "passkey_member_role_records_reader": {
        "nl": "lezer van de besluitenlogs",
        "en": "reader of the decision logs",
    },
    "passkey_member_role_records_updater": {
        "nl": "bijwerker van de besluitenlogs",
        "en": "updater of the decision logs",
    },
    "passkey_name_label": {"nl": "Je naam", "en": "Your name"},
    "passkey_what": {
        "nl": "Je logt in met een passkey: een sleutel op dit apparaat (telefoon, laptop of "
        "wachtwoordbeheerder), ontgrendeld met je vingerafdruk, gezicht of pincode. "
        "Geen wachtwoord nodig.",
        "en": "You sign in with a passkey: a key on this device (phone, laptop or password "
        "manager), unlocked with your fingerprint, face or PIN. No password needed.",
    },
    "passkey_add_button": {
        "nl": "Passkey maken en inloggen",
        "en": "Create a passkey and sign in",
    },
    "passkey_oidc_link": {
        "nl": "Inloggen met je organisatie-account",
        "en": "Sign in with your organisation account",
    },
    "passkey_sign_in_heading": {"nl": "Inloggen", "en": "Sign in"},
    "passkey_sign_in_intro": {
        "nl": "Voor medewerkers van de organisatie. Deelnemers aan een workshop hoeven niet "
        "in te loggen.",
        "en": "For staff of the organisation. Workshop participants do not need to sign in.",
    },
    "passkey_sign_in_button": {"nl": "Inloggen met een passkey", "en": "Sign in with a passkey"},
    "passkey_no_account": {
        "nl": "Nog geen passkey? Vraag een beheerder om een uitnodiging.",
        "en": "No passkey yet? Ask an admin for an invitation.",
    },
    "passkey_busy": {"nl": "Even geduld…", "en": "One moment…"},
    "passkey_error_ip_address": {
        "nl": "Passkeys werken niet op een IP-adres zoals 127.0.0.1. Open deze pagina via "
        "http://localhost (met hetzelfde poortnummer) of via de naam van de server.",
        "en": "Passkeys do not work on an IP address such as 127.0.0.1. Open this page at "
        "http://localhost (with the same port number) or at the server's name.",
    },
    "passkey_error_unsupported": {
        "nl": "Deze browser kan hier geen passkey gebruiken. Gebruik een recente browser; "
        "de pagina moet via HTTPS of http://localhost openen.",
        "en": "This browser cannot use a passkey here. Use a recent browser; the page must "
        "open over HTTPS or at http://localhost.",
    },
    "passkey_error_cancelled": {
        "nl": "Er is geen passkey gemaakt of gekozen. Probeer het opnieuw.",
        "en": "No passkey was created or chosen. Please try again.",
    },
    "passkey_error_network": {
        "nl": "De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.",
        "en": "The server cannot be reached. Check the connection and try again.",
    },
    # --- Start page signed in: my workshops, handover (pages/start.py, console) ---
    # (keys of the start-page helper go below this line)
    "start_members_only": {
        "nl": "Alleen mensen van de organisatie kunnen een workshop starten. "
        "Log in om te beginnen. Meedoen met je telefoon kan zonder account.",
        "en": "Only people of the organisation can start a workshop. "
        "Sign in to begin. Taking part with your phone needs no account.",
    },
    "start_sign_in": {"nl": "Inloggen", "en": "Sign in"},
    "start_sign_out": {"nl": "Uitloggen", "en": "Sign out"},
    "start_sign_out_everywhere": {
        "nl": "Overal uitloggen (ook op je andere apparaten)",
        "en": "Sign out everywhere (your other devices too)",
    },
    "start_signed_in_as": {"nl": "Ingelogd als", "en": "Signed in as"},
    "start_admin_link": {"nl": "Beheer", "en": "Admin"},
    "start_no_role": {
        "nl": "Met jouw rol kun je geen workshop starten. Vraag een beheerder om de rol "
        "begeleider.",
        "en": "Your role does not let you start a workshop. Ask an admin for the facilitator role.",
    },
    "start_member_role_admin": {"nl": "beheerder", "en": "admin"},
    "start_member_role_facilitator": {"nl": "begeleider", "en": "facilitator"},
    "start_member_role_records_reader": {"nl": "lezer van verslagen", "en": "records reader"},
    "start_member_role_records_updater": {
        "nl": "bijwerker van verslagen",
        "en": "records updater",
    },
    "start_my_workshops": {"nl": "Jouw workshops", "en": "Your workshops"},
    "start_co_run": {"nl": "samen met een collega", "en": "with a colleague"},
    "handover_heading": {"nl": "Overdragen aan een collega", "en": "Hand over to a colleague"},
    "handover_explain": {
        "nl": "Je collega leidt de workshop dan verder. Jouw scherm en jouw link werken daarna "
        "niet meer.",
        "en": "Your colleague then runs the workshop. After that your screen and your link "
        "no longer work.",
    },
    "handover_to": {"nl": "Collega", "en": "Colleague"},
    "handover_submit": {"nl": "Overdragen", "en": "Hand over"},
    "handover_none": {
        "nl": "Er is nog geen andere collega die workshops mag leiden.",
        "en": "There is no other colleague yet who may run workshops.",
    },
    # --- Admin: members and the audit trail (pages/admin.py) ---
    # (keys of the admin helper go below this line)
    "title_admin": {"nl": "Beheer — leden", "en": "Admin — members"},
    "title_audit": {"nl": "Beheer — logboek", "en": "Admin — audit trail"},
    "admin_title": {"nl": "Beheer", "en": "Admin"},
    "admin_members": {"nl": "Leden van de organisatie", "en": "Members of the organisation"},
    "admin_audit": {"nl": "Logboek: wie deed wat", "en": "Audit trail: who did what"},
    "admin_home": {"nl": "Naar de startpagina", "en": "To the start page"},
    "admin_sign_in": {
        "nl": "Deze pagina is voor beheerders. Log eerst in.",
        "en": "This page is for admins. Please sign in first.",
    },
    "admin_sign_in_link": {"nl": "Inloggen", "en": "Sign in"},
    "admin_not_admin": {
        "nl": "Deze pagina is alleen voor beheerders. Je hebt die rol niet. "
        "Vraag een beheerder als je hier iets nodig hebt.",
        "en": "This page is only for admins. You do not have that role. "
        "Ask an admin if you need something here.",
    },
    "member_role_admin": {"nl": "Beheerder", "en": "Admin"},
    "member_role_facilitator": {"nl": "Begeleider", "en": "Facilitator"},
    "member_role_records_reader": {"nl": "Verslagen lezen", "en": "Reads records"},
    "member_role_records_updater": {
        "nl": "Verslagen lezen en bijwerken",
        "en": "Reads and updates records",
    },
    "member_invite_heading": {"nl": "Iemand uitnodigen", "en": "Invite someone"},
    "member_invite_intro": {
        "nl": "Je krijgt een persoonlijke link. Stuur die naar de persoon zelf. "
        "De link werkt één keer en een week lang.",
        "en": "You get a personal link. Send it to the person themselves. "
        "The link works once, for one week.",
    },
    "member_name": {"nl": "Naam", "en": "Name"},
    "member_roles": {"nl": "Rollen", "en": "Roles"},
    "member_invite_make": {"nl": "Maak de uitnodiging", "en": "Make the invitation"},
    "member_link_once": {
        "nl": "De link voor {name}. Je ziet hem maar één keer: kopieer hem nu.",
        "en": "The link for {name}. You see it only once: copy it now.",
    },
    "member_link_copy": {"nl": "Kopieer de link", "en": "Copy the link"},
    "member_list_heading": {"nl": "Alle leden", "en": "All members"},
    "member_signs_in_passkey": {
        "nl": "Logt in met een toegangssleutel (passkey)",
        "en": "Signs in with a passkey",
    },
    "member_signs_in_identity_provider": {
        "nl": "Logt in via het account van de organisatie",
        "en": "Signs in with the organisation's account",
    },
    "member_since": {"nl": "lid sinds", "en": "member since"},
    "member_removed": {
        "nl": "Verwijderd. Deze persoon kan niets meer doen.",
        "en": "Removed. This person can no longer do anything.",
    },
    "member_roles_save": {"nl": "Bewaar de rollen", "en": "Save the roles"},
    "member_device_link": {"nl": "Link voor een nieuw apparaat", "en": "Link for a new device"},
    "member_remove": {"nl": "Verwijderen", "en": "Remove"},
    "member_remove_sure": {
        "nl": "{name} echt verwijderen? Die persoon wordt meteen overal uitgelogd.",
        "en": "Really remove {name}? They are signed out everywhere at once.",
    },
    "member_remove_yes": {"nl": "Ja, verwijder", "en": "Yes, remove"},
    "member_remove_no": {"nl": "Nee, toch niet", "en": "No, keep"},
    "audit_intro": {
        "nl": "Elke belangrijke handeling staat hier: wie, wanneer, wat en bij welke workshop. "
        "Niemand kan een regel veranderen. Tijden zijn in UTC.",
        "en": "Every important act is here: who, when, what and in which workshop. "
        "Nobody can change a line. Times are in UTC.",
    },
    "audit_who": {"nl": "Wie", "en": "Who"},
    "audit_what": {"nl": "Wat", "en": "What"},
    "audit_workshop": {"nl": "Workshopcode", "en": "Workshop code"},
    "audit_when": {"nl": "Wanneer (UTC)", "en": "When (UTC)"},
    "audit_detail": {"nl": "Details", "en": "Details"},
    "audit_filter": {"nl": "Toon", "en": "Show"},
    "audit_download": {
        "nl": "Download als spreadsheet (CSV), met deze filters",
        "en": "Download as a spreadsheet (CSV), with these filters",
    },
    "audit_rows_caption": {
        "nl": "De nieuwste regels eerst (hoogstens 500; de download heeft ze allemaal)",
        "en": "Newest lines first (500 at most; the download has all of them)",
    },
    "audit_none": {"nl": "Geen regels gevonden.", "en": "No lines found."},
    "act_signed_in": {"nl": "Ingelogd", "en": "Signed in"},
    "act_sign_in_failed": {"nl": "Inloggen mislukt", "en": "Sign-in failed"},
    "act_signed_out": {"nl": "Uitgelogd", "en": "Signed out"},
    "act_signed_out_everywhere": {"nl": "Overal uitgelogd", "en": "Signed out everywhere"},
    "act_setup_link_made": {"nl": "Installatielink gemaakt", "en": "Setup link made"},
    "act_member_invited": {"nl": "Lid uitgenodigd", "en": "Member invited"},
    "act_member_joined": {"nl": "Lid doet mee", "en": "Member joined"},
    "act_device_link_made": {"nl": "Link voor apparaat gemaakt", "en": "Device link made"},
    "act_passkey_added": {"nl": "Toegangssleutel toegevoegd", "en": "Passkey added"},
    "act_roles_changed": {"nl": "Rollen veranderd", "en": "Roles changed"},
    "act_member_removed": {"nl": "Lid verwijderd", "en": "Member removed"},
    "act_workshop_started": {"nl": "Workshop gemaakt", "en": "Workshop started"},
    "act_workshop_closed": {"nl": "Workshop gesloten", "en": "Workshop closed"},
    "act_workshop_reopened": {"nl": "Workshop weer geopend", "en": "Workshop reopened"},
    "act_workshop_handed_over": {"nl": "Workshop overgedragen", "en": "Workshop handed over"},
    "act_workshop_deleted": {"nl": "Workshop verwijderd", "en": "Workshop deleted"},
    "act_record_exported": {"nl": "Verslag gedownload", "en": "Record downloaded"},
    "act_record_corrected": {"nl": "Verslag verbeterd", "en": "Record corrected"},
    "act_action_followed_up": {"nl": "Actie bijgewerkt", "en": "Action followed up"},
    "act_cofacilitator_link_made": {
        "nl": "Link voor mede-begeleider gemaakt",
        "en": "Co-facilitator link made",
    },
    "act_cofacilitator_link_stopped": {
        "nl": "Link voor mede-begeleider gestopt",
        "en": "Co-facilitator link stopped",
    },
    "act_erasure_asked": {"nl": "Verzoek om verhalen te wissen", "en": "Removal of stories asked"},
}
