import type { SeedCardStrings } from './off-seed-card.strings.js';

/** Loaded the first time an element speaks French (see `catalogue`). */
export const fr: SeedCardStrings = {
  loading: 'Chargement de la graine…',
  incomplete: 'Cette graine ne peut pas être affichée : ce n’est pas une graine complète.',
  author: 'Autrice ou auteur',
  event: 'Semée à',
  created: 'Date',
  license: 'Licence',
  source: 'Source',
  tags: 'Mots-clés',
  replantedFrom: 'Replantée depuis',
  actions: 'Actions sur la graine',
  share: 'Partager le lien',
  copy: 'Copier le lien',
  shared: 'Lien partagé.',
  copied: 'Lien copié.',
  copyByHand: 'Copiez ce lien',
  replant: (event) => `Replanter dans ${event}`,
  replanting: 'Replantation…',
  replanted: (event) => `Replantée dans ${event}.`,
  openReplanted: 'Ouvrir la graine replantée',
  exportJson: 'Exporter en JSON',
  notKept: 'Cet appareil ne peut pas conserver les données : une graine replantée ici sera perdue au rechargement de la page.',
  offline: 'Vous êtes hors ligne : une graine replantée maintenant sera envoyée au retour de la connexion.',
};
