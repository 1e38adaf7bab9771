import type { ContributeFormStrings } from './off-contribute-form.strings.js';

/** Loaded the first time an element speaks French (see `catalogue`). */
export const fr: ContributeFormStrings = {
  kinds: {
    'side-event': {
      heading: 'Ajoutez votre #OFF',
      submit: 'Ajouter mon évènement',
      thanks: (title) => `Merci ! « ${title} » a été ajouté.`,
      another: 'Ajouter un autre évènement',
    },
    seed: {
      heading: 'Semez une graine',
      submit: 'Partager ma graine',
      thanks: (title) => `Merci ! « ${title} » a été partagée.`,
      another: 'Semer une autre graine',
    },
  },
  labels: {
    title: 'Titre',
    description: 'Description',
    start: 'Début',
    end: 'Fin',
    place: 'Lieu',
    url: 'Page web',
    organizer: 'Organisé par',
    tags: 'Mots-clés',
    body: 'Texte',
    author: 'Auteur ou autrice',
    license: 'Licence',
    sourceUrl: 'Source (adresse web)',
    'newPlace.name': 'Nom du lieu',
    'newPlace.address': 'Adresse',
    'newPlace.latitude': 'Latitude (pour la carte)',
    'newPlace.longitude': 'Longitude (pour la carte)',
    'newPlace.url': 'Page web du lieu',
  },
  requiredNote: 'Les champs marqués d’un * sont obligatoires.',
  hints: {
    tags: 'Séparés par des virgules, par exemple : repas, musique',
    url: 'Une adresse complète, comme https://example.org',
    timeZone: (zone) => `Heure locale de l’évènement (${zone}).`,
    suggestions: 'Ceux déjà connus sont proposés pendant la saisie ; vous pouvez aussi écrire librement.',
  },
  newPlace: 'Ajouter un nouveau lieu',
  newPlaceLegend: 'Nouveau lieu',
  honeypot: 'Laissez ce champ vide',
  sending: 'Envoi…',
  confirmSubmit: 'Confirmer et envoyer',
  tooFast: 'Presque fini : vérifiez votre saisie, puis appuyez de nouveau sur le bouton.',
  unchecked: "Votre contribution n'a pas pu être vérifiée : la connexion semble coupée. Rien de ce que vous avez saisi n'est perdu ; appuyez de nouveau sur le bouton pour réessayer.",
  pendingNow: 'Enregistré sur cet appareil, sera envoyé dès votre retour en ligne.',
  pendingCount: {
    one: '{n} contribution enregistrée sur cet appareil, envoyée dès votre retour en ligne.',
    other: '{n} contributions enregistrées sur cet appareil, envoyées dès votre retour en ligne.',
  },
  refusedCount: {
    one: '{n} contribution enregistrée a été refusée et reste sur cet appareil :',
    other: '{n} contributions enregistrées ont été refusées et restent sur cet appareil :',
  },
  putBack: 'Remettre dans le formulaire',
  putBackLabel: (title) => `Remettre dans le formulaire : ${title}`,
  replaceTyped: (title) => `Remplacer votre saisie par « ${title} » ? Elle sera perdue.`,
  offline: 'Vous êtes hors ligne. Ce que vous ajoutez est gardé sur cet appareil et envoyé dès votre retour en ligne.',
  notPersistent:
    'Ce navigateur ne conserve pas les données de ce site : ce que vous ajoutez ici sera perdu à la fermeture de la page.',
  editRightsNotKept:
    "Ce que vous avez ajouté est en ligne, mais cet appareil n'a pas pu garder le droit de le modifier : vous pouvez le modifier ou le supprimer jusqu'à ce que vous quittiez cette page.",
  sentLater: (title) => `« ${title} » a été envoyé.`,
};
