import type { EventRecordKind } from '../../model/records.js';
import type { Catalogue } from '../shared/i18n.js';
import type { FieldName } from './fields.js';

interface KindStrings {
  heading: string;
  submit: string;
  thanks: (title: string) => string;
  another: string;
}

export interface ContributeFormStrings {
  kinds: Record<EventRecordKind, KindStrings>;
  labels: Record<FieldName, string>;
  requiredNote: string;
  hints: {
    tags: string;
    url: string;
    timeZone: (zone: string) => string;
  };
  honeypot: string;
  sending: string;
  confirmSubmit: string;
  tooFast: string;
  pendingNow: string;
  pendingCount: { one: string; other: string };
  refusedCount: { one: string; other: string };
  putBack: string;
  putBackLabel: (title: string) => string;
  replaceTyped: (title: string) => string;
  offline: string;
  notPersistent: string;
  sentLater: (title: string) => string;
}

export const STRINGS: Catalogue<ContributeFormStrings> = {
  en: {
    kinds: {
      'side-event': {
        heading: 'Add your #OFF',
        submit: 'Add my side event',
        thanks: (title) => `Thank you! “${title}” has been added.`,
        another: 'Add another side event',
      },
      seed: {
        heading: 'Plant a seed',
        submit: 'Share my seed',
        thanks: (title) => `Thank you! “${title}” has been shared.`,
        another: 'Plant another seed',
      },
    },
    labels: {
      title: 'Title',
      description: 'Description',
      start: 'Starts',
      end: 'Ends',
      place: 'Place',
      url: 'Web page',
      organizer: 'Organised by',
      tags: 'Tags',
      body: 'Text',
      author: 'Author',
      license: 'Licence',
      sourceUrl: 'Source (web address)',
    },
    requiredNote: 'Fields marked with * are required.',
    hints: {
      tags: 'Separated by commas, for example: food, music',
      url: 'A full address, such as https://example.org',
      timeZone: (zone) => `Local time of the event (${zone}).`,
    },
    honeypot: 'Leave this field empty',
    sending: 'Sending…',
    confirmSubmit: 'Confirm and send',
    tooFast: 'Almost there: check what you entered, then press the button again.',
    pendingNow: 'Saved on this device, will be sent when you are back online.',
    pendingCount: {
      one: '{n} contribution saved on this device, will be sent when you are back online.',
      other: '{n} contributions saved on this device, will be sent when you are back online.',
    },
    refusedCount: {
      one: '{n} saved contribution was refused and is kept on this device:',
      other: '{n} saved contributions were refused and are kept on this device:',
    },
    putBack: 'Put it back in the form',
    putBackLabel: (title) => `Put it back in the form: ${title}`,
    replaceTyped: (title) => `Replace what you are typing with “${title}”? It will be lost.`,
    offline: 'You are offline. What you add is kept on this device and sent when you are back online.',
    notPersistent: 'This browser does not keep data for this site: what you add here is lost when you close the page.',
    sentLater: (title) => `“${title}” has been sent.`,
  },
  fr: {
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
    },
    requiredNote: 'Les champs marqués d’un * sont obligatoires.',
    hints: {
      tags: 'Séparés par des virgules, par exemple : repas, musique',
      url: 'Une adresse complète, comme https://example.org',
      timeZone: (zone) => `Heure locale de l’évènement (${zone}).`,
    },
    honeypot: 'Laissez ce champ vide',
    sending: 'Envoi…',
    confirmSubmit: 'Confirmer et envoyer',
    tooFast: 'Presque fini : vérifiez votre saisie, puis appuyez de nouveau sur le bouton.',
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
    sentLater: (title) => `« ${title} » a été envoyé.`,
  },
};
