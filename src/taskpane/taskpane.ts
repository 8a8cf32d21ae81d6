/** Task pane entry (shared runtime). */
import { store } from "../functions/store";

Office.onReady(() => {
  const status = document.getElementById("status");
  const show = () => {
    if (status) status.textContent = store.active ? `Active assumption set: ${store.active.doc.name}` : "Loading…";
  };
  store.onChange(show);
  show();
});
