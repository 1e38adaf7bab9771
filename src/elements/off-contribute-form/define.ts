import { defineElement } from '../shared/define.js';
import { OffContributeForm } from './off-contribute-form.js';

defineElement('off-contribute-form', OffContributeForm);

declare global {
  interface HTMLElementTagNameMap {
    'off-contribute-form': OffContributeForm;
  }
}
