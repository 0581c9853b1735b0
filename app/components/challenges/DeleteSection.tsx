import { CheckboxField, PostForm, SubmitButton, type FieldErrors } from "../form.tsx";
import { useT } from "../../lib/i18n.ts";

/** Deleting takes a ticked confirmation: the form says plainly what goes and what stays. */
export function DeleteSection({ errors }: { errors?: FieldErrors }) {
  const t = useT();
  return (
    <PostForm>
      <fieldset className="lr-section">
        <legend>{t("challengePages.delete.title")}</legend>
        <p className="utrecht-paragraph">{t("challengePages.delete.warning")}</p>
        <CheckboxField
          name="confirm"
          label={t("challengePages.delete.confirm")}
          required
          errors={errors}
        />
        <SubmitButton name="_intent" value="delete" kind="danger">
          {t("challengePages.delete.submit")}
        </SubmitButton>
      </fieldset>
    </PostForm>
  );
}
